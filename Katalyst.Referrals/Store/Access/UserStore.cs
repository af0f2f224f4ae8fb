using System.Data.Common;
using Dapper;

namespace Katalyst.Referrals.Store.Access;

/// <summary>Portal accounts, their roles and their sign-in failures.</summary>
public sealed partial class UserStore(StoreDataSource dataSource)
{
    /// <summary>Every account, by user name.</summary>
    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(UserSql.Shared.SelectAll, cancellationToken: cancellationToken));
        var roles = (await connection.QueryAsync<RoleRow>(new CommandDefinition(UserSql.Shared.SelectAllRoles, cancellationToken: cancellationToken)))
            .ToLookup(r => r.UserId, r => r.Role);
        return rows.Select(r => r.ToAccount(roles[r.Id])).ToList();
    }

    /// <summary>The account with this user name, or null.</summary>
    public async Task<UserAccount?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(UserSql.Shared.SelectByName, new { UserName = userName.Trim() }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var roles = await connection.QueryAsync<RoleRow>(new CommandDefinition(UserSql.Shared.SelectRoles, new { UserId = row.Id }, cancellationToken: cancellationToken));
        return row.ToAccount(roles.Select(r => r.Role));
    }

    /// <summary>Creates an account with its roles; returns its id.</summary>
    /// <exception cref="InvalidOperationException">An account with that user name exists.</exception>
    public async Task<long> CreateAsync(NewUserAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.UserName);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.DisplayName);
        if (await FindAsync(account.UserName, cancellationToken) is not null)
        {
            throw new InvalidOperationException($"An account named '{account.UserName}' already exists.");
        }

        var insert = dataSource.Provider == StoreProvider.Sqlite ? UserSql.Sqlite.Insert : UserSql.SqlServer.Insert;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(insert, new
        {
            UserName = account.UserName.Trim(),
            DisplayName = account.DisplayName.Trim(),
            account.PasswordHash,
            account.UnitId,
            CreatedAt = DateTimeOffset.UtcNow,
        }, transaction, cancellationToken: cancellationToken));
        await InsertRolesAsync(connection, transaction, id, account.Roles, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Replaces the account's roles.</summary>
    public async Task SetRolesAsync(long userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UserSql.Shared.DeleteRoles, new { UserId = userId }, transaction, cancellationToken: cancellationToken));
        await InsertRolesAsync(connection, transaction, userId, roles, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Moves the account to a unit, or to none.</summary>
    public Task SetUnitAsync(long userId, long? unitId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(UserSql.Shared.UpdateUnit, new { UserId = userId, UnitId = unitId }, cancellationToken);

    /// <summary>Enables or disables the account.</summary>
    public Task SetActiveAsync(long userId, bool isActive, CancellationToken cancellationToken = default) =>
        ExecuteAsync(UserSql.Shared.UpdateActive, new { UserId = userId, IsActive = isActive }, cancellationToken);

    /// <summary>Stores a new password hash and clears any lockout.</summary>
    public Task SetPasswordHashAsync(long userId, string passwordHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        return ExecuteAsync(UserSql.Shared.UpdatePasswordHash, new { UserId = userId, PasswordHash = passwordHash }, cancellationToken);
    }

    /// <summary>Clears failed sign-ins and any lockout (after a good password, or an administrator's unlock).</summary>
    public Task ClearLockoutAsync(long userId, CancellationToken cancellationToken = default) =>
        ExecuteAsync(UserSql.Shared.ClearLockout, new { UserId = userId }, cancellationToken);

    /// <summary>
    /// Counts one wrong password; at <paramref name="maxFailures"/> the account is locked until
    /// <paramref name="lockUntil"/> and the count starts again. Returns true when this failure locked it.
    /// </summary>
    public async Task<bool> RecordFailedSignInAsync(long userId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(UserSql.Shared.IncrementFailedSignIns, new { UserId = userId }, transaction, cancellationToken: cancellationToken));
        var failures = await connection.ExecuteScalarAsync<int>(new CommandDefinition(UserSql.Shared.SelectFailedSignIns, new { UserId = userId }, transaction, cancellationToken: cancellationToken));
        var locked = failures >= maxFailures;
        if (locked)
        {
            await connection.ExecuteAsync(new CommandDefinition(UserSql.Shared.Lock, new { UserId = userId, LockedUntil = lockUntil }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return locked;
    }

    private async Task ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InvalidOperationException("No such account: it may have been removed meanwhile.");
        }
    }

    private static async Task InsertRolesAsync(DbConnection connection, DbTransaction transaction, long userId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var distinct = roles.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal);
        await connection.ExecuteAsync(new CommandDefinition(UserSql.Shared.InsertRole, distinct.Select(role => new { UserId = userId, Role = role }), transaction, cancellationToken: cancellationToken));
    }

    private sealed class RoleRow
    {
        public long UserId { get; init; }

        public string Role { get; init; } = "";
    }

    private sealed class UserRow
    {
        public long Id { get; init; }

        public string UserName { get; init; } = "";

        public string DisplayName { get; init; } = "";

        public string? PasswordHash { get; init; }

        public long? UnitId { get; init; }

        public string? UnitName { get; init; }

        public bool IsActive { get; init; }

        public int FailedSignIns { get; init; }

        public DateTimeOffset? LockedUntil { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public UserAccount ToAccount(IEnumerable<string> roles) =>
            new(Id, UserName, DisplayName, PasswordHash, UnitId, UnitName, IsActive, FailedSignIns, LockedUntil, CreatedAt, roles.Order(StringComparer.Ordinal).ToList());
    }
}
