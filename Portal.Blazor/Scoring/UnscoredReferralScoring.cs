using Grpc.Core;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Scoring;

/// <summary>
/// Scores imported referrals in the background: every few seconds, whatever is unscored goes to the scoring service
/// and the answers are stored beside the referrals, so the list shows tier, score and reasons. A referral waits until
/// <see cref="UnanalysedFileAnalysis"/> has analysed every file whose bytes were received, so its score uses known
/// versus new material.
/// </summary>
public sealed partial class UnscoredReferralScoring(StoreDataSource dataSource, IOptions<PortalScoringOptions> options, ILogger<UnscoredReferralScoring> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Target() is not { } target)
        {
            LogOff();
            return;
        }

        var known = settings.KnownHashesPath is { Length: > 0 } path ? KnownHashList.Load(path) : KnownHashList.Empty;
        using var client = new ScoringClient(target, settings.ApiKey, settings.ChannelOptions());
        var run = new ReferralScoringRun(dataSource, client, ScoringContext.Pakistan(known), afterAnalysis: true);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.IntervalSeconds));
        do
        {
            try
            {
                var summary = await run.ScoreUnscoredAsync(cancellationToken: stoppingToken);
                if (summary.Scored + summary.Failed.Count > 0)
                {
                    LogScored(summary.Scored, summary.Failed.Count);
                }
            }
            catch (RpcException ex)
            {
                LogUnreachable(client.Target, ex.Status.Detail);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring:Server and Scoring:Addresses are empty: imported referrals are not scored")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Scored} referrals ({Failed} refused)")]
    private partial void LogScored(int scored, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The scoring service at {Server} cannot be reached: {Detail}; will try again")]
    private partial void LogUnreachable(string server, string detail);
}
