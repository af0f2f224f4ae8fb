using Katalyst.Referrals.Store.Detail;
using Katalyst.Referrals.Store.Migrations;
using Katalyst.Referrals.Store.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Katalyst.Referrals.Store;

/// <summary>Registers the referral store with a host.</summary>
public static class StoreRegistration
{
    /// <summary>
    /// Binds and validates <see cref="StoreOptions"/> (section <c>Store</c>) at start-up, registers the
    /// data source, queries (the referral page's detail query and the score store among them), queue and migration
    /// runner, and applies pending migrations (then fills missing queue search text) before the host serves.
    /// </summary>
    public static IHostApplicationBuilder AddReferralStore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StoreOptions>()
            .Bind(builder.Configuration.GetSection(StoreOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptionsValidation>();
        builder.Services.AddSingleton(sp => StoreDataSource.FromOptions(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        builder.Services.AddSingleton<ReferralQueries>();
        builder.Services.AddSingleton<QueueStore>();
        builder.Services.AddSingleton<Dashboard.DashboardStore>();
        builder.Services.AddSingleton<QueueTextBackfill>();
        builder.Services.TryAddSingleton<ReferralScoreStore>();
        builder.Services.AddSingleton<ReferralDetailQuery>();
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddHostedService<MigrateOnStart>();
        return builder;
    }

    // Referrals stored before the queue existed get their search text once, right after the migration.
    private sealed class MigrateOnStart(MigrationRunner runner, QueueTextBackfill backfill) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await runner.ApplyAsync(cancellationToken);
            await backfill.RunAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
