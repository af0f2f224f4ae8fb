namespace Katalyst.Referrals.Store.Access;

/// <summary>One person who may sign in to the portal, as stored.</summary>
/// <param name="Id">The store's number for the account.</param>
/// <param name="UserName">The sign-in name, unique (compared without case on SQLite and SQL Server's default collation).</param>
/// <param name="DisplayName">The name shown in the portal.</param>
/// <param name="PasswordHash">The PBKDF2 hash of a local account's password; null for accounts from the identity provider.</param>
/// <param name="UnitId">The unit the person works in, or null.</param>
/// <param name="UnitName">That unit's name, or null.</param>
/// <param name="IsActive">False once an administrator disabled the account: it cannot sign in.</param>
/// <param name="FailedSignIns">Wrong passwords since the last successful sign-in or lockout.</param>
/// <param name="LockedUntil">When a lockout ends, or null when the account is not locked.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="Roles">The account's roles.</param>
public sealed record UserAccount(
    long Id,
    string UserName,
    string DisplayName,
    string? PasswordHash,
    long? UnitId,
    string? UnitName,
    bool IsActive,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Roles)
{
    /// <summary>True when the account is locked out at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

/// <summary>What an administrator (or the demo set-up) supplies to create an account.</summary>
/// <param name="UserName">The sign-in name; letters, digits, '.', '-', '_' and '@'.</param>
/// <param name="DisplayName">The name shown in the portal.</param>
/// <param name="PasswordHash">A hash from the portal's password hasher; null for identity-provider accounts.</param>
/// <param name="UnitId">The unit, or null.</param>
/// <param name="Roles">The roles to grant.</param>
public sealed record NewUserAccount(string UserName, string DisplayName, string? PasswordHash, long? UnitId, IReadOnlyCollection<string> Roles);

/// <summary>A unit of the agency (a cyber-crime wing, a regional office) that referrals and people belong to.</summary>
/// <param name="Id">The store's number for the unit.</param>
/// <param name="Code">A short unique code, e.g. <c>ISB-CCW</c>.</param>
/// <param name="Name">The name shown in the portal.</param>
public sealed record AgencyUnit(long Id, string Code, string Name);
