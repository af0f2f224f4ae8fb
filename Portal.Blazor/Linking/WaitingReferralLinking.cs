using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Linking;

/// <summary>
/// Links referrals left waiting in the linking outbox, every few seconds. An import links its own referrals before it
/// returns; this is for those an import left behind (a crash, a stopped process between storing and linking).
/// Portals sharing a store never link at once (<see cref="LinkingRun"/> holds the store's linking lock per batch).
/// </summary>
public sealed partial class WaitingReferralLinking(
    StoreDataSource dataSource, IOptions<LinkingOptions> options, ILogger<WaitingReferralLinking> logger) : BackgroundService
{
    /// <summary>How often waiting referrals are looked for.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return; // Linking:Enabled false: this portal stores without linking, and links nothing either.
        }

        var run = new LinkingRun(dataSource, options.Value);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var linked = await run.DrainAsync(stoppingToken);
                if (linked > 0)
                {
                    LogLinked(linked);
                }
            }
            catch (System.Data.Common.DbException ex)
            {
                LogFailed(ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked {Linked} referrals an import had left waiting")]
    private partial void LogLinked(int linked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Linking waiting referrals failed: {Detail}; will try again")]
    private partial void LogFailed(string detail);
}
