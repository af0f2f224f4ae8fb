using System.Globalization;
using System.Security.Claims;
using Katalyst.Referrals.Store.Access;

namespace Katalyst.Portal.Access;

/// <summary>
/// Keeps people who sign in through the identity provider in <c>users</c> (subject, name, email, roles mapped from
/// <see cref="OpenIdConnectAccessOptions.RoleClaim"/>), so assignment, scopes and audit work for them as for local
/// accounts, and gives their session the same claims (<see cref="PortalClaims"/>). Scoped.
/// </summary>
public sealed class ProviderAccounts(UserStore users)
{
    /// <summary>The provider's subject claim.</summary>
    public const string SubjectClaim = "sub";

    /// <summary>
    /// Saves or refreshes the person in <paramref name="identity"/> (a validated token's claims) and adds the portal's
    /// claims (user id, display name, unit, roles) to it. Returns null when they may sign in, else the reason they may not.
    /// </summary>
    public async Task<string?> SignedInAsync(ClaimsIdentity identity, OpenIdConnectAccessOptions provider, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(provider);
        if (identity.FindFirst(SubjectClaim)?.Value is not { Length: > 0 } subject)
        {
            return $"The identity provider sent no '{SubjectClaim}' claim, so the person cannot be recognised.";
        }

        var userName = identity.Name ?? identity.FindFirst("email")?.Value ?? subject;
        var roles = PortalClaims.MapProviderRoles(identity.FindAll(provider.RoleClaim).Select(c => c.Value), provider.RoleMap);
        UserAccount account;
        try
        {
            account = await users.SaveProviderUserAsync(
                new ProviderUser(subject, userName, identity.FindFirst("name")?.Value ?? userName, identity.FindFirst("email")?.Value, roles), cancellationToken);
        }
        catch (InvalidOperationException conflict)
        {
            return conflict.Message;
        }

        if (!account.IsActive)
        {
            return $"The account '{account.UserName}' is disabled. Ask an administrator.";
        }

        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(PortalClaims.DisplayName, account.DisplayName));
        if (account.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(PortalClaims.UnitId, unitId.ToString(CultureInfo.InvariantCulture)));
        }

        foreach (var role in account.Roles.Where(PortalRoles.IsKnown))
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, role));
        }

        return null;
    }
}
