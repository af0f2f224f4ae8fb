using System.Threading.Channels;
using Katalyst.Protos.V1;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Scoring;

/// <summary>
/// Dynamic micro-batching: requests from every caller (single <c>Score</c> calls and streams alike) wait at most
/// <see cref="ScoringOptions.MaxBatchDelayMilliseconds"/> for others, and up to <see cref="ScoringOptions.MaxBatchSize"/>
/// of them are scored in one model run. One background loop owns the models' batching; ONNX Runtime itself uses the cores.
/// </summary>
public sealed partial class ScoreBatcher : BackgroundService
{
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(65_536) { SingleReader = true });
    private readonly ReferralScorer scorer;
    private readonly ScoringOptions options;
    private readonly ILogger<ScoreBatcher> logger;
    private long batches;
    private long scored;

    /// <summary>Creates the batcher.</summary>
    public ScoreBatcher(ReferralScorer scorer, IOptions<ScoringOptions> options, ILogger<ScoreBatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.scorer = scorer;
        this.options = options.Value;
        this.logger = logger;
    }

    /// <summary>Model runs so far: with <see cref="Scored"/>, how well requests are being batched.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Referrals scored so far.</summary>
    public long Scored => Interlocked.Read(ref scored);

    /// <summary>Queues one valid request; completes when its batch has been scored.</summary>
    public async Task<ScoreResult> ScoreAsync(ScoreRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, new TaskCompletionSource<ScoreResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(options.MaxBatchSize);
        var delay = TimeSpan.FromMilliseconds(options.MaxBatchDelayMilliseconds);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            var deadline = DateTime.UtcNow + delay;
            while (batch.Count < options.MaxBatchSize)
            {
                if (queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
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

    private void Run(List<Pending> batch)
    {
        try
        {
            var results = scorer.Score(batch.Select(p => p.Request).ToList());
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref scored, results.Length);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(results[i]);
            }
        }
        catch (Exception ex)
        {
            LogBatchFailed(batch.Count, ex);
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring a batch of {Count} referrals failed")]
    private partial void LogBatchFailed(int count, Exception exception);

    private sealed record Pending(ScoreRequest Request, TaskCompletionSource<ScoreResult> Result);
}
