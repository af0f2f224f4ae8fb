using System.Globalization;
using System.Security.Claims;
using Katalyst.Portal.Access;

namespace Katalyst.Portal.Components.Pages.Dashboard;

/// <summary>
/// Whose figures a person sees on the dashboard: supervisors and administrators the whole agency's, an investigator
/// only their own unit's, and an investigator without a unit none (they are told why).
/// </summary>
/// <param name="WholeAgency">True for the whole agency's figures.</param>
/// <param name="UnitId">The unit the figures are limited to, when not the whole agency.</param>
public sealed record DashboardScope(bool WholeAgency, long? UnitId)
{
    /// <summary>True when the person may see some figures.</summary>
    public bool HasFigures => WholeAgency || UnitId is not null;

    /// <summary>The scope for a signed-in person.</summary>
    public static DashboardScope For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(PortalRoles.Supervisor) || user.IsInRole(PortalRoles.Admin))
        {
            return new DashboardScope(true, null);
        }

        var unit = user.FindFirst(PortalClaims.UnitId)?.Value;
        return user.IsInRole(PortalRoles.Investigator) && long.TryParse(unit, NumberStyles.None, CultureInfo.InvariantCulture, out var unitId)
            ? new DashboardScope(false, unitId)
            : new DashboardScope(false, null);
    }
}
