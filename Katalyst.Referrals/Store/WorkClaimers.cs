namespace Katalyst.Referrals.Store;

/// <summary>
/// Names for the instances that claim work through the database (the scoring outbox, media analysis, routing): what an
/// operator reads in <c>claimed_by</c> to tell which machine and process holds a piece of work.
/// </summary>
public static class WorkClaimers
{
    /// <summary>A new name for this instance: machine, process id and a random part (two runs in one process differ).</summary>
    public static string NewName() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
