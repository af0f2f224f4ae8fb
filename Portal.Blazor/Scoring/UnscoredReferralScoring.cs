using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Outbox;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Scoring;

/// <summary>
/// Scores imported referrals in the background through the scoring outbox: every few seconds this instance claims
/// due work in the database (so several portal instances on one store share it, never scoring a referral twice),
/// scores it and stores the answers beside the referrals. A failed attempt waits for its backoff; work given up is
/// shown on /admin/scoring for a person to retry. A referral waits until <see cref="UnanalysedFileAnalysis"/> has
/// analysed every file whose bytes were received, so its score uses known versus new material.
/// </summary>
public sealed partial class UnscoredReferralScoring(
    StoreDataSource dataSource, IOptions<PortalScoringOptions> options, IOptions<ScoringOutboxOptions> outbox,
    ILogger<UnscoredReferralScoring> logger, ILoggerFactory loggers)
    : BackgroundService
{
    /// <summary>
    /// This instance's name in the claims it takes: machine, process and a random part (per portal instance, not per
    /// process, so two portals hosted in one process, as the two-portal test does, are two claimers).
    /// </summary>
    public string Claimer { get; } = WorkClaimers.NewName();

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
        var run = new ScoringOutboxRun(dataSource, client, ScoringContext.Pakistan(known), outbox.Value, Claimer, afterAnalysis: true, logger: loggers.CreateLogger<ScoringOutboxRun>());
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.IntervalSeconds));
        do
        {
            var pass = await run.DrainAsync(cancellationToken: stoppingToken);
            if (pass.Claimed > 0)
            {
                LogPass(pass.Scored, pass.Retrying, pass.GaveUp.Count, client.Target);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring:Server and Scoring:Addresses are empty: imported referrals are not scored")]
    private partial void LogOff();

    [LoggerMessage(Level = LogLevel.Information, Message = "Scored {Scored} referrals with {Server}; {Retrying} wait to be retried, {GaveUp} given up")]
    private partial void LogPass(int scored, int retrying, int gaveUp, string server);
}
