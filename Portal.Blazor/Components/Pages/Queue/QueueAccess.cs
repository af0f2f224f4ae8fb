namespace Katalyst.Portal.Components.Pages.Queue;

/// <summary>
/// Whether the signed-in person may use the queue's bulk actions (assign, mark reviewed). The default allows
/// nobody: the integrator replaces this registration with one that answers true for the Supervisor role.
/// </summary>
public class QueueAccess
{
    /// <summary>True when bulk actions are shown. Default false.</summary>
    public virtual Task<bool> CanBulkEditAsync() => Task.FromResult(false);
}
