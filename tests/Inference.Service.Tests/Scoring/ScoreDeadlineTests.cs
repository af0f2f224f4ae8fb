using Grpc.Core;
using Grpc.Net.Client;
using Katalyst.Inference.Scoring;
using Katalyst.Inference.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Inference.Tests.Scoring;

/// <summary>
/// The service honours a client's deadline over a real channel (Kestrel on loopback, HTTP/2): batches wait a full
/// second to fill, so a call with a 100 ms deadline ends in DEADLINE_EXCEEDED while its request still waits, and the
/// service drops that request. In-memory TestServer is not used here: when the service answers a deadline it sends
/// its trailers and then resets the stream, and TestServer turns that reset into a client exception (INTERNAL) when
/// it comes before the client's own deadline timer.
/// </summary>
public sealed class ScoreDeadlineTests : IDisposable
{
    private readonly KestrelInferenceServer server = new(("Scoring:MaxBatchDelayMilliseconds", "1000"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Score_TinyDeadlineWhileTheBatchWaits_DeadlineExceededAndTheWorkDropped()
    {
        using var channel = GrpcChannel.ForAddress(server.GrpcAddress);
        var client = new Protos.V1.Scoring.ScoringClient(channel);
        var batcher = server.Services.GetRequiredService<ScoreBatcher>();
        await client.ScoreAsync(Hallmarks.Plain(1), cancellationToken: Ct); // warm: models loaded, batcher running
        var scoredBefore = batcher.Scored;

        var late = await Assert.ThrowsAsync<RpcException>(() => client.ScoreAsync(Hallmarks.Plain(2), deadline: DateTime.UtcNow.AddMilliseconds(100), cancellationToken: Ct).ResponseAsync);
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct); // past the batch's second: had the request stayed queued, it would be scored now

        Assert.True(late.StatusCode == StatusCode.DeadlineExceeded, late.ToString());
        Assert.Equal(scoredBefore, batcher.Scored);
        var after = await client.ScoreAsync(Hallmarks.Plain(3), cancellationToken: Ct);
        Assert.Equal(3, after.ReportId);
        Assert.Equal(scoredBefore + 1, batcher.Scored);
    }

    public void Dispose() => server.Dispose();
}
