using System.ComponentModel.DataAnnotations;

namespace Katalyst.Portal.Access;

/// <summary>How people sign in to the portal (section <c>Access</c>).</summary>
public sealed class AccessOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Access";

    /// <summary>Local accounts (default) or the agency's OpenID Connect identity provider.</summary>
    public AccessMode Mode { get; set; } = AccessMode.Local;

    /// <summary>Wrong passwords in a row that lock a local account; default 5.</summary>
    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a lockout lasts, in minutes; default 15. An administrator can unlock sooner.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Minutes of inactivity after which a session ends; default 480 (a working day).</summary>
    [Range(5, 24 * 60)]
    public int SessionMinutes { get; set; } = 480;

    /// <summary>
    /// Minutes between checks of an open Blazor circuit's session against the stored account (disabled, roles or unit
    /// changed); default 5. Plain HTTP requests are checked on every request.
    /// </summary>
    [Range(1, 60)]
    public int RevalidateMinutes { get; set; } = 5;

    /// <summary>The fewest characters a local password may have; default 12.</summary>
    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 12;

    /// <summary>
    /// Creates demo units and one demo account per role on first run (<c>demo.investigator</c>, ...); default false.
    /// Only for demonstrations: never set it on a system that holds real referrals.
    /// </summary>
    public bool DemoAccounts { get; set; }

    /// <summary>The demo accounts' password; default <c>demo-password-change-me</c>.</summary>
    public string DemoPassword { get; set; } = "demo-password-change-me";

    /// <summary>The identity provider, used when <see cref="Mode"/> is <see cref="AccessMode.OpenIdConnect"/>.</summary>
    public OpenIdConnectAccessOptions OpenIdConnect { get; set; } = new();
}

/// <summary>Where the portal's users come from.</summary>
public enum AccessMode
{
    /// <summary>Accounts kept in the store, passwords hashed with PBKDF2.</summary>
    Local,

    /// <summary>The agency's identity provider, over OpenID Connect (authorization code flow with PKCE).</summary>
    OpenIdConnect,
}

/// <summary>The agency identity provider (section <c>Access:OpenIdConnect</c>).</summary>
public sealed class OpenIdConnectAccessOptions
{
    /// <summary>The provider's issuer URL (https), e.g. <c>https://login.agency.example/realms/katalyst</c>.</summary>
    public string Authority { get; set; } = "";

    /// <summary>The portal's client id at the provider.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The portal's client secret at the provider.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The claim in which the provider sends a person's roles or groups; default <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// The provider's role or group values mapped to Katalyst roles, e.g. <c>"ccw-investigators": "Investigator"</c>.
    /// A value that is already a Katalyst role name maps to itself; anything else grants nothing.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);
}
