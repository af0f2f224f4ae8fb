using System.Text.RegularExpressions;
using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Admin;

/// <summary>
/// What an administrator can do to accounts and units. Every change is checked (a clear error names what is
/// wrong) and audited.
/// </summary>
public sealed partial class UserAdministration(
    UserStore users,
    UnitStore units,
    IPasswordHasher<UserAccount> hasher,
    IOptions<AccessOptions> options,
    AuditLog audit)
{
    /// <summary>Creates a local account with an initial password; returns its id.</summary>
    /// <exception cref="ArgumentException">A value is missing or not allowed; the message names it.</exception>
    public async Task<long> CreateUserAsync(string userName, string displayName, string password, IReadOnlyCollection<string> roles, long? unitId, CancellationToken cancellationToken = default)
    {
        userName = (userName ?? "").Trim();
        if (!UserNamePattern().IsMatch(userName))
        {
            throw new ArgumentException("User name: 3 to 64 letters, digits, '.', '-', '_' or '@'.", nameof(userName));
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new ArgumentException("Display name is required.", nameof(displayName));
        }

        CheckPassword(password);
        CheckRoles(roles);
        var id = await users.CreateAsync(new NewUserAccount(userName, displayName, hasher.HashPassword(null!, password), unitId, roles), cancellationToken);
        await audit.RecordAsync(AuditActions.UserCreated, userName, $"roles: {string.Join(", ", roles)}", cancellationToken);
        return id;
    }

    /// <summary>Replaces an account's roles.</summary>
    public async Task SetRolesAsync(UserAccount account, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        CheckRoles(roles);
        await users.SetRolesAsync(account.Id, roles, cancellationToken);
        await audit.RecordAsync(AuditActions.UserRolesChanged, account.UserName, $"{string.Join(", ", account.Roles)} -> {string.Join(", ", roles)}", cancellationToken);
    }

    /// <summary>Moves an account to a unit, or to none.</summary>
    public async Task SetUnitAsync(UserAccount account, AgencyUnit? unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await users.SetUnitAsync(account.Id, unit?.Id, cancellationToken);
        await audit.RecordAsync(AuditActions.UserUnitChanged, account.UserName, $"{account.UnitName ?? "none"} -> {unit?.Name ?? "none"}", cancellationToken);
    }

    /// <summary>Disables or enables an account.</summary>
    public async Task SetActiveAsync(UserAccount account, bool isActive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await users.SetActiveAsync(account.Id, isActive, cancellationToken);
        await audit.RecordAsync(isActive ? AuditActions.UserEnabled : AuditActions.UserDisabled, account.UserName, cancellationToken: cancellationToken);
    }

    /// <summary>Sets a new password (and lifts any lockout).</summary>
    public async Task ResetPasswordAsync(UserAccount account, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        CheckPassword(password);
        await users.SetPasswordHashAsync(account.Id, hasher.HashPassword(account, password), cancellationToken);
        await audit.RecordAsync(AuditActions.UserPasswordReset, account.UserName, cancellationToken: cancellationToken);
    }

    /// <summary>Lifts a lockout and clears the failed sign-in count.</summary>
    public async Task UnlockAsync(UserAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await users.ClearLockoutAsync(account.Id, cancellationToken);
        await audit.RecordAsync(AuditActions.UserUnlocked, account.UserName, cancellationToken: cancellationToken);
    }

    /// <summary>Creates a unit.</summary>
    public async Task CreateUnitAsync(string code, string name, CancellationToken cancellationToken = default)
    {
        code = (code ?? "").Trim();
        if (!UnitCodePattern().IsMatch(code))
        {
            throw new ArgumentException("Unit code: 2 to 32 letters, digits or '-'.", nameof(code));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Unit name is required.", nameof(name));
        }

        await units.CreateAsync(code, name, cancellationToken);
        await audit.RecordAsync(AuditActions.UnitCreated, code, name.Trim(), cancellationToken);
    }

    /// <summary>Renames a unit.</summary>
    public async Task RenameUnitAsync(AgencyUnit unit, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Unit name is required.", nameof(name));
        }

        await units.RenameAsync(unit.Id, name, cancellationToken);
        await audit.RecordAsync(AuditActions.UnitRenamed, unit.Code, $"{unit.Name} -> {name.Trim()}", cancellationToken);
    }

    private void CheckPassword(string password)
    {
        var minimum = options.Value.MinPasswordLength;
        if (string.IsNullOrEmpty(password) || password.Length < minimum)
        {
            throw new ArgumentException($"Password: at least {minimum} characters.", nameof(password));
        }
    }

    private static void CheckRoles(IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var unknown = roles.Where(r => !PortalRoles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown role(s): {string.Join(", ", unknown)}; roles are {string.Join(", ", PortalRoles.All)}.", nameof(roles));
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._@-]{3,64}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9-]{2,32}$")]
    private static partial Regex UnitCodePattern();
}
