using Katalyst.Portal.Audit;
using Katalyst.Referrals.Store.Routing;

namespace Katalyst.Portal.Routing;

/// <summary>What an administrator can do to the routing rules; every change is audited.</summary>
public sealed class RoutingAdministration(RoutingRuleStore rules, AuditLog audit)
{
    /// <summary>Every rule, the fallback last.</summary>
    public Task<IReadOnlyList<RoutingRule>> ListAsync(CancellationToken cancellationToken = default) => rules.ListAsync(cancellationToken);

    /// <summary>Adds a rule (province <c>*</c> is the fallback unit).</summary>
    /// <exception cref="ArgumentException">The rule is incomplete, the unit is unknown, or the place has a rule.</exception>
    public async Task AddAsync(string province, string? district, long? unitId, string userName, CancellationToken cancellationToken = default)
    {
        if (unitId is null)
        {
            throw new ArgumentException("A routing rule needs a unit: pick one.");
        }

        await rules.AddAsync(province, district, unitId.Value, userName, cancellationToken);
        var place = string.IsNullOrWhiteSpace(district) ? province.Trim() : $"{district.Trim()}, {province.Trim()}";
        await audit.RecordAsync(AuditActions.RoutingRuleAdded, place, $"unit {unitId}", cancellationToken);
    }

    /// <summary>Removes a rule; referrals already routed keep their unit.</summary>
    public async Task RemoveAsync(RoutingRule rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!await rules.RemoveAsync(rule.Id, cancellationToken))
        {
            throw new ArgumentException($"The rule for {rule.Place} was already removed.");
        }

        await audit.RecordAsync(AuditActions.RoutingRuleRemoved, rule.Place, $"unit {rule.UnitCode}", cancellationToken);
    }
}
