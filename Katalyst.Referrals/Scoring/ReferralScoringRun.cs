using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Analysis;

namespace Katalyst.Referrals.Scoring;

/// <summary>What one scoring run did.</summary>
/// <param name="Scored">Referrals scored and stored.</param>
/// <param name="Failed">Referrals the service refused, each with its reason.</param>
public sealed record ScoringRunSummary(int Scored, IReadOnlyList<string> Failed);

/// <summary>
/// Scores every stored referral that has no score yet: reads it back, maps it to a request (with its subject's linked
/// referrals and their most urgent tier), scores it through the service in batches and stores the answers. Each referral is tried once per run.
/// With <paramref name="afterAnalysis"/>, only referrals every one of whose received files has been analysed are scored
/// (the others wait for <see cref="FileAnalysisRun"/>), and each file's known/new verdict goes into the request.
/// </summary>
public sealed class ReferralScoringRun(StoreDataSource dataSource, ScoringClient client, ScoringContext context, bool afterAnalysis = false)
{
    /// <summary>Referrals scored per service call.</summary>
    public const int BatchSize = 500;

    /// <summary>Scores what is unscored now.</summary>
    public async Task<ScoringRunSummary> ScoreUnscoredAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var scores = new ReferralScoreStore(dataSource);
        var builder = new StoredReferralRequests(dataSource, context, afterAnalysis);
        var analyses = new FileAnalysisStore(dataSource);
        var pending = afterAnalysis
            ? await analyses.UnscoredAnalysedAsync(int.MaxValue, cancellationToken)
            : await scores.UnscoredAsync(int.MaxValue, cancellationToken);
        ScoringRunTelemetry.Backlog(pending.Count);
        var scored = 0;
        var failed = new List<string>();
        foreach (var chunk in pending.Chunk(BatchSize))
        {
            using var activity = ScoringRunTelemetry.Source.StartActivity("score referrals");
            activity?.SetTag("katalyst.batch.referrals", chunk.Length);
            var requests = new List<Protos.V1.ScoreRequest>(chunk.Length);
            foreach (var reportId in chunk)
            {
                if (await builder.BuildAsync(reportId, cancellationToken) is { } request)
                {
                    requests.Add(request);
                }
            }

            var outcomes = await client.ScoreAsync(requests, cancellationToken);
            await scores.SaveAsync(outcomes.Where(o => o.Score is not null).Select(o => o.Score!).ToList(), cancellationToken);
            var stored = outcomes.Count(o => o.Score is not null);
            ScoringRunTelemetry.Answered(stored, outcomes.Count - stored);
            scored += stored;
            failed.AddRange(outcomes.Where(o => o.Error is not null).Select(o => $"report {o.ReportId}: {o.Error}"));
            progress?.Report(scored + failed.Count);
        }

        return new ScoringRunSummary(scored, failed);
    }
}
