using System.Security.Claims;
using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Katalyst.Portal.Access;

/// <summary>The claims a signed-in portal user carries, and how they are made.</summary>
public static class PortalClaims
{
    /// <summary>The person's display name.</summary>
    public const string DisplayName = "katalyst:display_name";

    /// <summary>The id of the person's unit, when they have one.</summary>
    public const string UnitId = "katalyst:unit_id";

    /// <summary>The principal for a local account that has just signed in.</summary>
    public static ClaimsPrincipal For(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.UserName),
            new(DisplayName, account.DisplayName),
        };
        if (account.UnitId is { } unitId)
        {
            claims.Add(new Claim(UnitId, unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        claims.AddRange(account.Roles.Where(PortalRoles.IsKnown).Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>
    /// Katalyst roles for the identity provider's role values: mapped through <paramref name="roleMap"/>, or kept
    /// when the value is already a Katalyst role; unknown values grant nothing.
    /// </summary>
    public static IReadOnlyList<string> MapProviderRoles(IEnumerable<string> providerRoles, IReadOnlyDictionary<string, string> roleMap)
    {
        ArgumentNullException.ThrowIfNull(providerRoles);
        ArgumentNullException.ThrowIfNull(roleMap);
        return providerRoles
            .Select(value => roleMap.TryGetValue(value, out var mapped) ? mapped : value)
            .Where(PortalRoles.IsKnown)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
