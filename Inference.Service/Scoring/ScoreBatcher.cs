using System.Diagnostics;
using System.Threading.Channels;
using Katalyst.Protos.V1;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Scoring;

/// <summary>
/// Dynamic micro-batching: requests from every caller (single <c>Score</c> calls and streams alike) wait at most
/// <see cref="ScoringOptions.MaxBatchDelayMilliseconds"/> for others, and up to <see cref="ScoringOptions.MaxBatchSize"/>
/// of them are scored in one model run. One background loop owns the models' batching; ONNX Runtime itself uses the cores.
/// A stream hands over the requests it has already received as one group, so bulk scoring costs one queue entry per
/// group rather than one per referral.
/// </summary>
public sealed partial class ScoreBatcher : BackgroundService
{
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(65_536) { SingleReader = true });
    private readonly ReferralScorer scorer;
    private readonly ScoringOptions options;
    private readonly ILogger<ScoreBatcher> logger;
    private readonly ScoringMetrics? metrics;
    private long batches;
    private long scored;
    private long queued;

    /// <summary>Creates the batcher; with <paramref name="metrics"/>, it records what it does there.</summary>
    public ScoreBatcher(ReferralScorer scorer, IOptions<ScoringOptions> options, ILogger<ScoreBatcher> logger, ScoringMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.scorer = scorer;
        this.options = options.Value;
        this.logger = logger;
        this.metrics = metrics;
    }

    /// <summary>Model runs so far: with <see cref="Scored"/>, how well requests are being batched.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Queue entries so far: one per single call, one per group a stream hands over.</summary>
    public long Queued => Interlocked.Read(ref queued);

    /// <summary>Referrals scored so far.</summary>
    public long Scored => Interlocked.Read(ref scored);

    /// <summary>Queues one valid request; completes when its batch has been scored.</summary>
    public async Task<ScoreResult> ScoreAsync(ScoreRequest request, CancellationToken cancellationToken)
    {
        var results = await ScoreAllAsync([request], cancellationToken);
        return results[0];
    }

    /// <summary>
    /// Queues a group of valid requests that are scored together (in one batch, or in consecutive batches when the group
    /// is larger than <see cref="ScoringOptions.MaxBatchSize"/>); completes with the results in request order.
    /// </summary>
    public async Task<ScoreResult[]> ScoreAllAsync(IReadOnlyList<ScoreRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0)
        {
            return [];
        }

        // The caller's trace context travels with the requests, so the batch that scores them joins the caller's trace.
        var pending = new Pending(requests, new TaskCompletionSource<ScoreResult[]>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken)
        {
            Caller = Activity.Current?.Context ?? default,
            QueuedAt = Stopwatch.GetTimestamp(),
        };
        metrics?.Queued(requests.Count);
        try
        {
            await queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch
        {
            metrics?.Dequeued(requests.Count);
            throw;
        }

        Interlocked.Increment(ref queued);
        return await pending.Results.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(options.MaxBatchSize);
        var delay = TimeSpan.FromMilliseconds(options.MaxBatchDelayMilliseconds);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            var size = 0;
            var deadline = DateTime.UtcNow + delay;
            while (size < options.MaxBatchSize)
            {
                if (queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    size += next.Requests.Count;
                    continue;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await WaitAsync(left, stoppingToken))
                {
                    break;
                }
            }

            Run(batch);
        }
    }

    private async Task<bool> WaitAsync(TimeSpan left, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(left);
        try
        {
            return await queue.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    // One group larger than a batch is scored in batch-sized runs; smaller groups share one run.
    private void Run(List<Pending> batch)
    {
        metrics?.Dequeued(batch.Sum(p => p.Requests.Count));

        // A call cancelled while queued (its deadline passed, its client went away) is dropped, not scored for nobody.
        batch.RemoveAll(p => p.Cancelled.IsCancellationRequested && p.Results.TrySetCanceled(p.Cancelled));
        if (batch.Count == 0)
        {
            return;
        }

        // One span per batch: a child of the first caller's span, linked to every other caller's.
        using var activity = ScoringMetrics.Source.StartActivity(
            "score batch", ActivityKind.Internal, batch[0].Caller, links: batch.Skip(1).Where(p => p.Caller != default).Select(p => new ActivityLink(p.Caller)));
        var requests = batch.Count == 1 ? batch[0].Requests : batch.SelectMany(p => p.Requests).ToList();
        activity?.SetTag("katalyst.batch.referrals", requests.Count);
        activity?.SetTag("katalyst.batch.calls", batch.Count);
        var referralSpans = ReferralSpans.Start(requests, activity);
        try
        {
            var results = new ScoreResult[requests.Count];
            for (var start = 0; start < requests.Count; start += options.MaxBatchSize)
            {
                var count = Math.Min(options.MaxBatchSize, requests.Count - start);
                var part = start == 0 && count == requests.Count ? requests : requests.Skip(start).Take(count).ToList();
                var started = Stopwatch.GetTimestamp();
                var partResults = scorer.Score(part);
                metrics?.Ran(partResults, Stopwatch.GetElapsedTime(started));
                partResults.CopyTo(results, start);
                Interlocked.Increment(ref batches);
            }

            Interlocked.Add(ref scored, results.Length);
            referralSpans?.Stop(results, null);
            var offset = 0;
            foreach (var pending in batch)
            {
                pending.Results.TrySetResult(batch.Count == 1 ? results : results[offset..(offset + pending.Requests.Count)]);
                offset += pending.Requests.Count;
                metrics?.Answered(Stopwatch.GetElapsedTime(pending.QueuedAt));
            }
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            referralSpans?.Stop(null, ex);
            LogBatchFailed(requests.Count, ex);
            foreach (var pending in batch)
            {
                pending.Results.TrySetException(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring a batch of {Count} referrals failed")]
    private partial void LogBatchFailed(int count, Exception exception);

    private sealed record Pending(IReadOnlyList<ScoreRequest> Requests, TaskCompletionSource<ScoreResult[]> Results, CancellationToken Cancelled)
    {
        public ActivityContext Caller { get; init; }

        public long QueuedAt { get; init; }
    }
}
