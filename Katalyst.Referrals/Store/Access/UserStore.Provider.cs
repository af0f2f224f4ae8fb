using Dapper;

namespace Katalyst.Referrals.Store.Access;

/// <summary>A person as the agency's identity provider describes them at sign-in.</summary>
/// <param name="Subject">The provider's stable, unique id for the person (<c>sub</c>).</param>
/// <param name="UserName">The name they sign in with (e.g. <c>preferred_username</c>); the portal's user name.</param>
/// <param name="DisplayName">The name shown in the portal.</param>
/// <param name="Email">Their email, when the provider sends one.</param>
/// <param name="Roles">Katalyst roles, already mapped from the provider's role claim.</param>
public sealed record ProviderUser(string Subject, string UserName, string DisplayName, string? Email, IReadOnlyCollection<string> Roles);

public sealed partial class UserStore
{
    /// <summary>The account with this id, or null.</summary>
    public async Task<UserAccount?> FindByIdAsync(long userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(UserSql.Shared.SelectById, new { UserId = userId }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var roles = await connection.QueryAsync<RoleRow>(new CommandDefinition(UserSql.Shared.SelectRoles, new { UserId = row.Id }, cancellationToken: cancellationToken));
        return row.ToAccount(roles.Select(r => r.Role));
    }

    /// <summary>
    /// Keeps an identity provider's person in <c>users</c>, so assignment and audit work for them: found by subject
    /// (or, the first time, by a user name no one else holds), created when new, and their user name, display name,
    /// email and roles refreshed from the provider on every sign-in. Unit, active flag and history are the portal's own
    /// and are left as they are. Returns the account as stored.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The user name belongs to a local account (one with a password) or to another subject: the message names it.
    /// </exception>
    public async Task<UserAccount> SaveProviderUserAsync(ProviderUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.UserName);
        var userName = user.UserName.Trim();
        var displayName = string.IsNullOrWhiteSpace(user.DisplayName) ? userName : user.DisplayName.Trim();
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var bySubject = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(UserSql.Shared.SelectLinkBySubject, new { user.Subject }, transaction, cancellationToken: cancellationToken));
        var byName = await connection.QuerySingleOrDefaultAsync<LinkRow>(new CommandDefinition(UserSql.Shared.SelectLinkByName, new { UserName = userName }, transaction, cancellationToken: cancellationToken));
        if (byName is not null && byName.Id != bySubject?.Id && (byName.PasswordHash is not null || byName.Subject is not null))
        {
            throw new InvalidOperationException(byName.PasswordHash is not null
                ? $"User name '{userName}' belongs to a local account; the identity provider's person (subject '{user.Subject}') cannot take it over. Ask an administrator."
                : $"User name '{userName}' belongs to another identity provider subject; subject '{user.Subject}' cannot take it over. Ask an administrator.");
        }

        var id = bySubject?.Id ?? byName?.Id ?? await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            dataSource.Provider == StoreProvider.Sqlite ? UserSql.Sqlite.Insert : UserSql.SqlServer.Insert,
            new { UserName = userName, DisplayName = displayName, PasswordHash = (string?)null, UnitId = (long?)null, CreatedAt = DateTimeOffset.UtcNow },
            transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(UserSql.Shared.UpdateProviderUser, new
        {
            UserId = id, UserName = userName, user.Subject, DisplayName = displayName, Email = string.IsNullOrWhiteSpace(user.Email) ? null : user.Email.Trim(),
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(UserSql.Shared.DeleteRoles, new { UserId = id }, transaction, cancellationToken: cancellationToken));
        await InsertRolesAsync(connection, transaction, id, user.Roles, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await FindByIdAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"The account of '{userName}' was removed while it was saved.");
    }

    private sealed class LinkRow
    {
        public long Id { get; init; }

        public string UserName { get; init; } = "";

        public string? Subject { get; init; }

        public string? PasswordHash { get; init; }
    }
}
