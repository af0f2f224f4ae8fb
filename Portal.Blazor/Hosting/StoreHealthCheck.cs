using System.Data.Common;
using Katalyst.Referrals.Store.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Katalyst.Portal.Hosting;

/// <summary>Readiness: the store answers and every migration is applied (the portal migrates at start; until then it is not ready).</summary>
internal sealed class StoreHealthCheck(MigrationStatus migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrations.PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("store reachable and migrated")
                : HealthCheckResult.Unhealthy($"store not migrated: {pending.Count} migrations pending (first {pending[0]:D4})");
        }
        catch (DbException ex)
        {
            // The provider's message names the server or file, never referral data; the exception itself stays out of the report.
            return HealthCheckResult.Unhealthy($"store not reachable: {ex.GetType().Name}");
        }
    }
}
