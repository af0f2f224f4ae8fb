using System.Threading.Channels;
using Grpc.Core;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Scoring;

/// <summary>
/// The work behind <c>ScoreStream</c>. Requests that have already arrived are handed to the batcher as one group (up to a
/// batch), so a busy stream costs one queue entry and one task per group, not per referral. Results go back in request
/// order; a group's results are written with the buffer hint and flushed once, at the group's end.
/// </summary>
internal sealed class StreamScoring(ScoreBatcher batcher, int groupSize)
{
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);
    private static readonly WriteOptions Flushed = new();

    /// <summary>Reads the request stream to its end and writes one result per request, in order.</summary>
    public async Task RunAsync(IAsyncStreamReader<ScoreRequest> requests, IServerStreamWriter<ScoreResult> responses, CancellationToken cancellationToken)
    {
        var groups = Channel.CreateBounded<Task<ScoreResult[]>>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        var writing = WriteAsync(groups.Reader, responses, cancellationToken);
        _ = writing.ContinueWith(t => groups.Writer.TryComplete(t.Exception), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        try
        {
            var group = new List<ScoreRequest>(groupSize);
            while (true)
            {
                var moving = requests.MoveNext(cancellationToken);
                if (!moving.IsCompleted && group.Count > 0)
                {
                    group = await SubmitAsync(groups.Writer, group, cancellationToken); // nothing more buffered: score what we have
                }

                if (!await moving)
                {
                    break;
                }

                var request = requests.Current;
                if (ScoreRequestValidation.Problem(request) is { } problem)
                {
                    group = await SubmitAsync(groups.Writer, group, cancellationToken);
                    await groups.Writer.WriteAsync(Task.FromResult<ScoreResult[]>([new ScoreResult { ReportId = request.ReportId, Error = problem }]), cancellationToken);
                    continue;
                }

                group.Add(request);
                if (group.Count >= groupSize)
                {
                    group = await SubmitAsync(groups.Writer, group, cancellationToken);
                }
            }

            await SubmitAsync(groups.Writer, group, cancellationToken);
        }
        finally
        {
            groups.Writer.TryComplete();
        }

        await writing;
    }

    private async Task<List<ScoreRequest>> SubmitAsync(ChannelWriter<Task<ScoreResult[]>> groups, List<ScoreRequest> group, CancellationToken cancellationToken)
    {
        if (group.Count == 0)
        {
            return group;
        }

        await groups.WriteAsync(batcher.ScoreAllAsync(group, cancellationToken), cancellationToken);
        return new List<ScoreRequest>(groupSize);
    }

    private static async Task WriteAsync(ChannelReader<Task<ScoreResult[]>> groups, IServerStreamWriter<ScoreResult> responses, CancellationToken cancellationToken)
    {
        await foreach (var pending in groups.ReadAllAsync(cancellationToken))
        {
            var results = await pending;
            for (var i = 0; i < results.Length; i++)
            {
                responses.WriteOptions = i == results.Length - 1 ? Flushed : Buffered;
                await responses.WriteAsync(results[i], cancellationToken);
            }
        }
    }
}
