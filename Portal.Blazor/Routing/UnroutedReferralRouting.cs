using Katalyst.Referrals.Geography;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Routing;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Routing;

/// <summary>
/// Routes imported referrals in the background, whichever way they came in (an upload here or <c>katalyst import</c>):
/// every few seconds each unrouted referral is claimed through the database (so several portal instances on one store
/// share them), located and sent to its unit by the rules in force, once.
/// </summary>
public sealed partial class UnroutedReferralRouting(
    StoreDataSource dataSource, ReferralLocator locator, IOptions<GeographyOptions> options, ILogger<UnroutedReferralRouting> logger, ILoggerFactory loggers)
    : BackgroundService
{
    /// <summary>How often unrouted referrals are looked for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var run = new ReferralRoutingRun(dataSource, locator, options.Value.AgencyCountry, logger: loggers.CreateLogger<ReferralRoutingRun>());
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var routed = await run.RouteUnroutedAsync(cancellationToken: stoppingToken);
                if (routed > 0)
                {
                    LogRouted(routed);
                }
            }
            catch (System.Data.Common.DbException ex)
            {
                LogFailed(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routed {Routed} referrals")]
    private partial void LogRouted(int routed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing failed: {Detail}; will try again")]
    private partial void LogFailed(string detail);
}
