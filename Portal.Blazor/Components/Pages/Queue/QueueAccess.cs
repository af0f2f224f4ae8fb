using Katalyst.Portal.Access;
using Microsoft.AspNetCore.Components.Authorization;

namespace Katalyst.Portal.Components.Pages.Queue;

/// <summary>Whether the signed-in person may use the queue's bulk actions (assign, mark reviewed): supervisors only.</summary>
public sealed class QueueAccess(AuthenticationStateProvider authentication)
{
    /// <summary>True for a signed-in Supervisor.</summary>
    public async Task<bool> CanBulkEditAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return state.User.IsInRole(PortalRoles.Supervisor);
    }
}
