using System.Globalization;
using System.Security.Claims;
using Katalyst.Referrals.Store.Access;

namespace Katalyst.Portal.Access;

/// <summary>What a signed-in session is worth now, read against <c>users</c>.</summary>
public enum SessionCheck
{
    /// <summary>The account is active and its roles and unit are the ones the session carries.</summary>
    Current,

    /// <summary>The account is active, but an administrator changed its roles or unit since the session began.</summary>
    Changed,

    /// <summary>The account is disabled, removed, or the session names none: the session must end.</summary>
    Refused,
}

/// <summary>
/// Checks a signed-in session against the account as stored now: a disabled account loses its session, and changed
/// roles or unit are noticed. Used by the cookie's <c>OnValidatePrincipal</c> on every request and by
/// <see cref="RevalidatingAuthenticationState"/> in open Blazor circuits. Singleton.
/// </summary>
public sealed class SessionValidation(UserStore users)
{
    /// <summary>Checks <paramref name="principal"/>; returns the verdict and the stored account when there is one.</summary>
    public async Task<(SessionCheck Check, UserAccount? Account)> CheckAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true
            || !long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
        {
            return (SessionCheck.Refused, null);
        }

        var account = await users.FindByIdAsync(userId, cancellationToken);
        if (account is null || !account.IsActive)
        {
            return (SessionCheck.Refused, account);
        }

        var sessionRoles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(PortalRoles.IsKnown).ToHashSet(StringComparer.Ordinal);
        var storedRoles = account.Roles.Where(PortalRoles.IsKnown).ToHashSet(StringComparer.Ordinal);
        var sessionUnit = principal.FindFirstValue(PortalClaims.UnitId);
        var storedUnit = account.UnitId?.ToString(CultureInfo.InvariantCulture);
        return sessionRoles.SetEquals(storedRoles) && string.Equals(sessionUnit, storedUnit, StringComparison.Ordinal)
            ? (SessionCheck.Current, account)
            : (SessionCheck.Changed, account);
    }
}
