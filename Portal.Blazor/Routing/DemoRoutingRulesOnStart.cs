using Katalyst.Portal.Access;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Routing;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Routing;

/// <summary>
/// With the demo accounts on (<see cref="AccessOptions.DemoAccounts"/>) and no routing rules yet, routes the demo data
/// by province to the demo units: Punjab to Lahore, Sindh to Karachi, the rest to Islamabad. Never on a live system.
/// </summary>
public sealed class DemoRoutingRulesOnStart(IOptions<AccessOptions> options, UnitStore units, RoutingRuleStore rules) : IHostedService
{
    /// <summary>The demo rules: province and unit code (<c>*</c> is the fallback).</summary>
    public static readonly IReadOnlyList<(string Province, string UnitCode)> Rules =
        [("Punjab", "LHR-CCW"), ("Sindh", "KHI-CCW"), ("Islamabad", "ISB-CCW"), (RoutingRule.Fallback, "ISB-CCW")];

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DemoAccounts || options.Value.Mode != AccessMode.Local || (await rules.ListAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        foreach (var (province, code) in Rules)
        {
            if (await units.FindAsync(code, cancellationToken) is { } unit)
            {
                await rules.AddAsync(province, null, unit.Id, "system", cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
