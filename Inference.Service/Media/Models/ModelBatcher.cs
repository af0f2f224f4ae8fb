using System.Threading.Channels;
using Katalyst.Scoring.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Inference.Media.Models;

/// <summary>
/// Dynamic batching for one media model (the pattern of <c>ScoreBatcher</c>): each caller queues one prepared input
/// (one picture or face crop, NHWC without the batch axis); one loop gathers up to <c>MaxBatchSize</c> of them, waiting at
/// most <c>MaxBatchDelayMilliseconds</c> for others, and runs the model's one session once over the whole batch, so N
/// concurrent <c>Analyze</c> calls cost one run of batch N. Each caller gets its own rows of every output back.
/// </summary>
public sealed partial class ModelBatcher : IAsyncDisposable
{
    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(4096) { SingleReader = true });
    private readonly OnnxModelSession session;
    private readonly string[] inputName;
    private readonly string[] outputNames;
    private readonly int[] itemShape;
    private readonly int itemLength;
    private readonly int maxBatchSize;
    private readonly TimeSpan maxDelay;
    private readonly ILogger logger;
    private readonly Task loop;
    private long runs;
    private long items;
    private int largestBatch;

    /// <summary>Starts the batching loop for <paramref name="session"/>.</summary>
    /// <param name="name">The model's name, for logs.</param>
    /// <param name="session">The model's one session.</param>
    /// <param name="input">The ONNX input's name.</param>
    /// <param name="itemShape">One item's shape without the batch axis, e.g. [224, 224, 3].</param>
    /// <param name="outputs">The outputs returned to callers, in this order.</param>
    /// <param name="maxBatchSize">Most items in one run.</param>
    /// <param name="maxDelay">Longest wait for a batch to fill.</param>
    /// <param name="logger">Where a failed run is logged.</param>
    public ModelBatcher(string name, OnnxModelSession session, string input, int[] itemShape, IReadOnlyList<string> outputs, int maxBatchSize, TimeSpan maxDelay, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(itemShape);
        ArgumentNullException.ThrowIfNull(outputs);
        Name = name;
        this.session = session;
        inputName = [input];
        outputNames = [.. outputs];
        this.itemShape = itemShape;
        itemLength = itemShape.Aggregate(1, (a, b) => a * b);
        this.maxBatchSize = maxBatchSize;
        this.maxDelay = maxDelay;
        this.logger = logger;
        loop = Task.Run(LoopAsync);
    }

    /// <summary>The model's name.</summary>
    public string Name { get; }

    /// <summary>Model runs so far.</summary>
    public long Runs => Interlocked.Read(ref runs);

    /// <summary>Items run so far.</summary>
    public long Items => Interlocked.Read(ref items);

    /// <summary>The most items one run has taken so far.</summary>
    public int LargestBatch => Volatile.Read(ref largestBatch);

    /// <summary>Queues one item (<c>itemShape</c>'s product of floats); completes with its row of each output.</summary>
    public async Task<float[][]> RunAsync(float[] item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Length != itemLength)
        {
            throw new ArgumentException($"{Name}: an input of {item.Length} floats, not the {itemLength} of [{string.Join(", ", itemShape)}]", nameof(item));
        }

        var pending = new Pending(item, new TaskCompletionSource<float[][]>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private async Task LoopAsync()
    {
        var batch = new List<Pending>(maxBatchSize);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            var deadline = DateTime.UtcNow + maxDelay;
            while (batch.Count < maxBatchSize)
            {
                if (queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                    continue;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await WaitAsync(left))
                {
                    break;
                }
            }

            // A call cancelled while queued is dropped, not run for nobody.
            batch.RemoveAll(p => p.Cancelled.IsCancellationRequested && p.Result.TrySetCanceled(p.Cancelled));
            if (batch.Count > 0)
            {
                Run(batch);
            }
        }
    }

    private async Task<bool> WaitAsync(TimeSpan left)
    {
        using var timeout = new CancellationTokenSource(left);
        try
        {
            return await queue.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Run(List<Pending> batch)
    {
        try
        {
            var data = new float[batch.Count * itemLength];
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Input.CopyTo(data, i * itemLength);
            }

            long[] shape = [batch.Count, .. itemShape.Select(d => (long)d)];
            using var input = OrtValue.CreateTensorValueFromMemory(data, shape);
            using var outputs = session.Run(inputName, [input], outputNames);
            var rows = batch.Select(_ => new float[outputNames.Length][]).ToArray();
            var o = 0;
            foreach (var output in outputs)
            {
                var values = output.GetTensorDataAsSpan<float>();
                var rowLength = values.Length / batch.Count;
                for (var i = 0; i < batch.Count; i++)
                {
                    rows[i][o] = values.Slice(i * rowLength, rowLength).ToArray();
                }

                o++;
            }

            Interlocked.Increment(ref runs);
            Interlocked.Add(ref items, batch.Count);
            if (batch.Count > Volatile.Read(ref largestBatch))
            {
                Volatile.Write(ref largestBatch, batch.Count);
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Result.TrySetResult(rows[i]);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OnnxRuntimeException or ArgumentException)
        {
            LogRunFailed(Name, batch.Count, ex);
            batch.ForEach(p => p.Result.TrySetException(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media model {Model} failed on a batch of {Count}")]
    private partial void LogRunFailed(string model, int count, Exception exception);

    private sealed record Pending(float[] Input, TaskCompletionSource<float[][]> Result, CancellationToken Cancelled);
}
