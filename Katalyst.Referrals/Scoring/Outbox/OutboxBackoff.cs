using Polly.Contrib.WaitAndRetry;

namespace Katalyst.Referrals.Scoring.Outbox;

/// <summary>
/// When a failed referral is due again. The wait is kept in the store (<c>next_attempt_at</c>), not slept in memory:
/// it survives a restart, every portal instance honours it, and no claim is held while waiting. Polly's in-memory
/// retry pipeline cannot persist its wait and Polly.Core keeps its delay formula internal, so the wait comes from
/// Polly.Contrib.WaitAndRetry's <c>DecorrelatedJitterBackoffV2</c>, the same jittered exponential formula Polly 8 uses.
/// </summary>
public static class OutboxBackoff
{
    /// <summary>The wait after failed attempt number <paramref name="attempt"/> (1 for the first), at most <paramref name="max"/>.</summary>
    public static TimeSpan After(int attempt, TimeSpan first, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var delay = Backoff.DecorrelatedJitterBackoffV2(first, attempt).Last();
        return delay > max ? max : delay;
    }
}
