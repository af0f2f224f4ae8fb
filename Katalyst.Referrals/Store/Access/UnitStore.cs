using Dapper;

namespace Katalyst.Referrals.Store.Access;

/// <summary>The agency's units.</summary>
public sealed class UnitStore(StoreDataSource dataSource)
{
    /// <summary>Every unit, by name.</summary>
    public async Task<IReadOnlyList<AgencyUnit>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnitRow>(new CommandDefinition(UnitSql.Shared.SelectAll, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToUnit()).ToList();
    }

    /// <summary>The unit with this code, or null.</summary>
    public async Task<AgencyUnit?> FindAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UnitRow>(new CommandDefinition(UnitSql.Shared.SelectByCode, new { Code = code.Trim() }, cancellationToken: cancellationToken));
        return row?.ToUnit();
    }

    /// <summary>Creates a unit; returns its id.</summary>
    /// <exception cref="InvalidOperationException">A unit with that code exists.</exception>
    public async Task<long> CreateAsync(string code, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (await FindAsync(code, cancellationToken) is not null)
        {
            throw new InvalidOperationException($"A unit with code '{code.Trim()}' already exists.");
        }

        var insert = dataSource.Provider == StoreProvider.Sqlite ? UnitSql.Sqlite.Insert : UnitSql.SqlServer.Insert;
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(insert, new { Code = code.Trim(), Name = name.Trim() }, cancellationToken: cancellationToken));
    }

    /// <summary>Renames a unit (its code stays).</summary>
    /// <exception cref="InvalidOperationException">No unit has that id.</exception>
    public async Task RenameAsync(long id, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(UnitSql.Shared.Rename, new { Id = id, Name = name.Trim() }, cancellationToken: cancellationToken));
        if (changed == 0)
        {
            throw new InvalidOperationException($"No unit has id {id}.");
        }
    }

    private sealed class UnitRow
    {
        public long Id { get; init; }

        public string Code { get; init; } = "";

        public string Name { get; init; } = "";

        public AgencyUnit ToUnit() => new(Id, Code, Name);
    }
}
