using Grpc.Core;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Katalyst.Referrals.Scoring.Outbox;

/// <summary>What one pass over the outbox did.</summary>
/// <param name="Claimed">Referrals claimed.</param>
/// <param name="Scored">Scores stored.</param>
/// <param name="AlreadyScored">Answers for referrals already scored by the same models (kept as they were).</param>
/// <param name="ClaimLost">Answers thrown away because another instance had taken the work over.</param>
/// <param name="Retrying">Referrals whose attempt failed and that are due again later.</param>
/// <param name="GaveUp">Referrals given up (failed, waiting for a person), each with its reason.</param>
public sealed record OutboxPass(int Claimed, int Scored, int AlreadyScored, int ClaimLost, int Retrying, IReadOnlyList<string> GaveUp)
{
    /// <summary>Nothing was due.</summary>
    public static readonly OutboxPass Empty = new(0, 0, 0, 0, 0, []);

    /// <summary>Both passes together.</summary>
    public OutboxPass Add(OutboxPass other) => new(
        Claimed + other.Claimed, Scored + other.Scored, AlreadyScored + other.AlreadyScored, ClaimLost + other.ClaimLost,
        Retrying + other.Retrying, [.. GaveUp, .. other.GaveUp]);
}

/// <summary>
/// Scores referrals through the outbox: claims due work (a lease in the database, so instances never share a
/// referral), scores it in one call with a gRPC deadline and Polly's quick retries on <c>UNAVAILABLE</c>, stores each
/// score once, and on failure records the reason and the next attempt time (jittered exponential backoff); after
/// <see cref="ScoringOutboxOptions.MaxAttempts"/> the work is given up for a person to retry. Nothing is closed.
/// </summary>
public sealed partial class ScoringOutboxRun
{
    private readonly ScoringClient client;
    private readonly ScoringOutboxOptions options;
    private readonly string claimer;
    private readonly bool afterAnalysis;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private readonly ScoringOutboxStore outbox;
    private readonly StoredReferralRequests requests;
    private readonly ResiliencePipeline pipeline;

    /// <summary>A run for one instance, named <paramref name="claimer"/> in the claims it takes.</summary>
    public ScoringOutboxRun(
        StoreDataSource dataSource, ScoringClient client, ScoringContext context, ScoringOutboxOptions options, string claimer,
        bool afterAnalysis = false, TimeProvider? time = null, ILogger<ScoringOutboxRun>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimer);
        this.client = client;
        this.options = options;
        this.claimer = claimer;
        this.afterAnalysis = afterAnalysis;
        clock = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger<ScoringOutboxRun>.Instance;
        outbox = new ScoringOutboxStore(dataSource, clock);
        requests = new StoredReferralRequests(dataSource, context, afterAnalysis);
        pipeline = options.CallRetries == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.StatusCode == StatusCode.Unavailable),
                MaxRetryAttempts = options.CallRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.CallRetryDelay,
            })
            .Build();
    }

    /// <summary>Claims due work until none is left (work failing now waits for its next attempt time).</summary>
    public async Task<OutboxPass> DrainAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (ScoringRunTelemetry.BacklogCollected)
        {
            var backlog = await outbox.CountsAsync(cancellationToken);
            ScoringRunTelemetry.Backlog(backlog.Waiting + backlog.Retrying);
        }

        var total = OutboxPass.Empty;
        while (await RunOnceAsync(cancellationToken) is { Claimed: > 0 } pass)
        {
            total = total.Add(pass);
            progress?.Report(total.Claimed);
        }

        return total;
    }

    /// <summary>Claims up to one batch of due work and scores it.</summary>
    public async Task<OutboxPass> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var claimed = await outbox.ClaimAsync(claimer, options.BatchSize, options.Lease, afterAnalysis, cancellationToken);
        if (claimed.Count == 0)
        {
            return OutboxPass.Empty;
        }

        using var spans = ReferralScoringSpans.Start(claimed);
        var batch = new List<Protos.V1.ScoreRequest>(claimed.Count);
        foreach (var item in claimed)
        {
            var request = await requests.BuildAsync(item.ReportId, cancellationToken)
                ?? throw new InvalidOperationException($"Referral {item.ReportId} is in the scoring outbox but not in the store.");
            request.TraceParent = spans.TraceParentOf(item.ReportId);
            batch.Add(request);
        }

        IReadOnlyList<ScoringOutcome> outcomes;
        try
        {
            outcomes = await pipeline.ExecuteAsync(async token => await client.ScoreAsync(batch, options.CallDeadline, token), cancellationToken);
        }
        catch (RpcException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogCallFailed(claimed.Count, ex.StatusCode, ex.Status.Detail);
            spans.Batch?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.StatusCode.ToString());
            var failed = await FailAllAsync(claimed, $"{ex.StatusCode}: {ex.Status.Detail}", spans);
            ScoringRunTelemetry.Answered(0, failed.Retrying, failed.GaveUp.Count);
            return failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await outbox.ReleaseAsync(claimer, claimed.Select(c => c.ReportId), CancellationToken.None);
            throw;
        }

        var pass = await FinishAsync(claimed, outcomes, spans, cancellationToken);
        ScoringRunTelemetry.Answered(pass.Scored + pass.AlreadyScored, pass.Retrying, pass.GaveUp.Count);
        return pass;
    }

    private async Task<OutboxPass> FinishAsync(
        IReadOnlyList<ClaimedScoring> claimed, IReadOnlyList<ScoringOutcome> outcomes, ReferralScoringSpans spans, CancellationToken cancellationToken)
    {
        int scored = 0, already = 0, lost = 0, retrying = 0;
        var gaveUp = new List<string>();
        var answers = outcomes.GroupBy(o => o.ReportId).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in claimed)
        {
            if (answers.GetValueOrDefault(item.ReportId) is { Score: { } score })
            {
                var completion = await outbox.CompleteAsync(claimer, score, cancellationToken);
                switch (completion)
                {
                    case ScoringCompletion.Stored: scored++; break;
                    case ScoringCompletion.AlreadyScored: already++; break;
                    default: lost++; LogClaimLost(item.ReportId); break;
                }

                spans.Finish(item.ReportId, completion.ToString(), failed: false);

                continue;
            }

            // A refusal names what is wrong with the referral itself: trying again cannot help, so a person must look.
            var refusal = answers.GetValueOrDefault(item.ReportId)?.Error;
            var reason = refusal is null ? "the service sent no answer for this referral" : $"refused by the scoring service: {refusal}";
            if (await FailAsync(item, reason, giveUpNow: refusal is not null, cancellationToken) is { } gaveUpReason)
            {
                gaveUp.Add(gaveUpReason);
            }
            else
            {
                retrying++;
            }

            spans.Finish(item.ReportId, refusal is null ? "no answer" : "refused", failed: true);
        }

        return new OutboxPass(claimed.Count, scored, already, lost, retrying, gaveUp);
    }

    private async Task<OutboxPass> FailAllAsync(IReadOnlyList<ClaimedScoring> claimed, string reason, ReferralScoringSpans spans)
    {
        var gaveUp = new List<string>();
        foreach (var item in claimed)
        {
            if (await FailAsync(item, reason, giveUpNow: false, CancellationToken.None) is { } gaveUpReason)
            {
                gaveUp.Add(gaveUpReason);
            }

            spans.Finish(item.ReportId, "call failed", failed: true);
        }

        return new OutboxPass(claimed.Count, 0, 0, 0, claimed.Count - gaveUp.Count, gaveUp);
    }

    // Records the failed attempt; returns the give-up line when the work is given up, else null.
    private async Task<string?> FailAsync(ClaimedScoring item, string reason, bool giveUpNow, CancellationToken cancellationToken)
    {
        var attempt = item.Attempts + 1;
        var giveUp = giveUpNow || attempt >= options.MaxAttempts;
        var next = clock.GetUtcNow() + OutboxBackoff.After(attempt, options.FirstRetryDelay, options.MaxRetryDelay);
        await outbox.RecordFailureAsync(claimer, item, reason, next, giveUp, cancellationToken);
        if (!giveUp)
        {
            return null;
        }

        LogGaveUp(item.ReportId, attempt, reason);
        return $"report {item.ReportId}: {reason}";
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring {Count} referrals failed ({Status}: {Detail}); each is retried after its backoff")]
    private partial void LogCallFailed(int count, StatusCode status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring of report {ReportId} was taken over by another instance after this one's lease lapsed; its answer was not stored")]
    private partial void LogClaimLost(long reportId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring of report {ReportId} given up after {Attempts} attempts: {Reason}; a person can retry it on /admin/scoring")]
    private partial void LogGaveUp(long reportId, int attempts, string reason);
}
