using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Scoring;

/// <summary>
/// Analyses imported files in the background (the "UnanalysedFiles" run): every few seconds, each stored file not yet
/// analysed is claimed through the database (so several portal instances on one store share the files, never sending
/// one twice), sent by its SHA-256 from the evidence store to the media service (<c>Scoring:Server</c>) and the answer
/// is stored once. <see cref="UnscoredReferralScoring"/> scores a referral only once all its received files are analysed,
/// so scoring sees known versus new material. A picture's usable PDQ gives its referral pdq identifiers (near matches
/// within <c>Linking:PdqRadius</c>), which <see cref="Linking.WaitingReferralLinking"/> links; the run keeps the PDQ index.
/// </summary>
public sealed partial class UnanalysedFileAnalysis(
    StoreDataSource dataSource, EvidenceStore evidence, IOptions<PortalScoringOptions> options, IOptions<LinkingOptions> linking, ILogger<UnanalysedFileAnalysis> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Target() is not { } target)
        {
            return; // UnscoredReferralScoring says that scoring (and so analysis) is off.
        }

        using var client = new ScoringClient(target, settings.ApiKey, settings.ChannelOptions());
        var run = new FileAnalysisRun(dataSource, evidence, client, linking: linking.Value);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.IntervalSeconds));
        do
        {
            try
            {
                var summary = await run.AnalyseUnanalysedAsync(cancellationToken: stoppingToken);
                if (summary.Analysed > 0)
                {
                    LogAnalysed(summary.Analysed, summary.Known);
                }

                foreach (var problem in summary.Problems)
                {
                    LogProblem(problem);
                }
            }
            catch (ScoringServiceException ex)
            {
                LogUnreachable(client.Target, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysed {Analysed} files ({Known} known material)")]
    private partial void LogAnalysed(int analysed, int known);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A file could not be analysed and is stored as unreadable: {Problem}")]
    private partial void LogProblem(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The media service at {Server} failed: {Detail}; will try again")]
    private partial void LogUnreachable(string server, string detail);
}
