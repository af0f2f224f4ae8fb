using Dapper;

namespace Katalyst.Referrals.Store.Routing;

/// <summary>The admin's routing rules: province (optionally one district) to unit, and the fallback unit.</summary>
public sealed class RoutingRuleStore(StoreDataSource dataSource)
{
    /// <summary>The longest province or district name accepted.</summary>
    public const int MaxPlaceLength = 200;

    /// <summary>Every rule, the fallback last.</summary>
    public async Task<IReadOnlyList<RoutingRule>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(RoutingSql.Shared.SelectRules, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new RoutingRule(r.Id, r.Province, r.District, r.UnitId, r.UnitCode, r.UnitName, r.CreatedAt, r.CreatedBy))];
    }

    /// <summary>Adds a rule. <paramref name="province"/> <c>*</c> sets the fallback unit.</summary>
    /// <exception cref="ArgumentException">A field is empty or too long, the unit does not exist, or a rule for the place exists.</exception>
    public async Task AddAsync(string province, string? district, long unitId, string createdBy, CancellationToken cancellationToken = default)
    {
        var place = Clean(province, "province");
        var within = district is null || district.Trim().Length == 0 ? "" : Clean(district, "district");
        if (place == RoutingRule.Fallback && within.Length > 0)
        {
            throw new ArgumentException("The fallback rule ('*') covers every place: it takes no district.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(RoutingSql.Shared.UnitExists, new { UnitId = unitId }, transaction, cancellationToken: cancellationToken)) == 0)
        {
            throw new ArgumentException($"Unit {unitId} does not exist.");
        }

        var values = new { Province = place, District = within, UnitId = unitId, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = createdBy.Trim() };
        if (await connection.ExecuteScalarAsync<int>(new CommandDefinition(RoutingSql.Shared.CountRulesAt, values, transaction, cancellationToken: cancellationToken)) > 0)
        {
            var what = place == RoutingRule.Fallback ? "The fallback unit is already set" : $"A rule for {(within.Length == 0 ? place : within + ", " + place)} exists";
            throw new ArgumentException($"{what}: remove it first.");
        }

        await connection.ExecuteAsync(new CommandDefinition(RoutingSql.Shared.InsertRule, values, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes a rule; referrals already routed keep their unit.</summary>
    /// <returns>False when no rule has this number.</returns>
    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(RoutingSql.Shared.DeleteRule, new { Id = id }, cancellationToken: cancellationToken)) == 1;
    }

    private static string Clean(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"A routing rule needs a {field}: it is empty.");
        }

        var trimmed = value.Trim();
        return trimmed.Length <= MaxPlaceLength ? trimmed : throw new ArgumentException($"A routing rule's {field} is longer than {MaxPlaceLength} characters.");
    }

    private sealed class Row
    {
        public long Id { get; init; }

        public string Province { get; init; } = "";

        public string District { get; init; } = "";

        public long UnitId { get; init; }

        public string UnitCode { get; init; } = "";

        public string UnitName { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        public string CreatedBy { get; init; } = "";
    }
}
