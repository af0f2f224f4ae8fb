using System.Collections.Concurrent;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Balancing;

namespace Katalyst.Inference.Tests.Balancing;

/// <summary>
/// Scale-out (issue 9): the typed client reaches three scoring services through gRPC client-side load balancing, one
/// replica is killed while referrals are streaming, and no referral is lost, none gets two different answers, and the
/// calls were spread over every replica.
/// </summary>
public sealed class ScoringReplicasTests(ScoringReplicas replicas) : IClassFixture<ScoringReplicas>
{
    private const int BatchSize = 40;
    private const int BatchesBeforeStop = 30;
    private const int BatchesAfterStop = 30;
    private const int Workers = 3;
    private const int LongStream = 8000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScoreAsync_ReplicaKilledMidStream_EveryReferralScoredOnceSameAnswersLoadSpread()
    {
        var referrals = ScoringReplicas.Referrals((BatchSize * (BatchesBeforeStop + BatchesAfterStop)) + LongStream);
        var batches = referrals[..(BatchSize * BatchesBeforeStop)].Chunk(BatchSize).ToList();
        var streamed = referrals.GetRange(BatchSize * BatchesBeforeStop, LongStream);
        var rest = referrals[((BatchSize * BatchesBeforeStop) + LongStream)..].Chunk(BatchSize).ToList();
        using var client = new ScoringClient(replicas.Target, replicas.ApiKey, new ScoringChannelOptions { CallTimeout = TimeSpan.FromSeconds(60) });
        var outcomes = new ConcurrentBag<ScoringOutcome>();

        // Calls side by side, spread round robin.
        await ScoreAllAsync(client, batches, outcomes);
        var before = await AdmittedAtLeastAsync(BatchesBeforeStop);

        // One long stream; the replica that took it is killed while it streams.
        var longCall = client.ScoreAsync(streamed, Ct);
        await WaitUntilAsync(() => replicas.Admitted().Sum() > before.Sum());
        var victim = Enumerable.Range(0, 3).First(i => replicas.Admitted()[i] > before[i]);
        await replicas.Replicas[victim].StopAsync();
        Assert.False(longCall.IsCompleted, "the long stream ended before its replica was killed: make it longer");
        foreach (var outcome in await longCall)
        {
            outcomes.Add(outcome);
        }

        // The rest, on the survivors.
        await ScoreAllAsync(client, rest, outcomes);

        // The load spread: round robin gave every replica calls, none less than half an even share.
        Assert.Equal(BatchesBeforeStop, before.Sum());
        Assert.All(before, calls => Assert.True(calls >= BatchesBeforeStop / Workers / 2, $"calls per replica before the stop: {string.Join(", ", before)}"));

        // No referral lost, none answered twice, none refused.
        Assert.Equal(referrals.Select(r => r.ReportId).Order(), outcomes.Select(o => o.ReportId).Order());
        Assert.All(outcomes, o => Assert.Null(o.Error));

        // The survivors took the rest; the same referral scored again (by whichever replica) gets the same answer.
        var after = replicas.Admitted();
        Assert.All(Enumerable.Range(0, 3).Where(i => i != victim), i => Assert.True(after[i] > before[i], $"calls per replica after the stop: {string.Join(", ", after)}"));
        var again = await client.ScoreAsync(referrals, Ct);
        var first = outcomes.ToDictionary(o => o.ReportId, o => ScoringReplicas.Answer(o.Score!));
        Assert.Equal(referrals.Count, again.Count);
        Assert.All(again, o => Assert.Equal(first[o.ReportId], ScoringReplicas.Answer(o.Score!)));
    }

    [Fact]
    public async Task ScoreAsync_NoReplicaListening_FailsUnavailableAfterRetriesBeforeTheDeadline()
    {
        var closed = ScoringTarget.Parse([ClosedPort(), ClosedPort(), ClosedPort()], "Scoring:Addresses");
        using var client = new ScoringClient(closed, replicas.ApiKey, new ScoringChannelOptions { CallTimeout = TimeSpan.FromMinutes(5) });

        var ex = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => client.ScoreAsync(ScoringReplicas.Referrals(3), Ct));

        // Unavailable, not DeadlineExceeded: the call gave up when gRPC's retries were spent, long before its deadline.
        Assert.Equal(Grpc.Core.StatusCode.Unavailable, ex.StatusCode);
    }

    [Fact]
    public async Task ScoreAsync_ReplicasThatNeverAnswer_FailsAtTheDeadline()
    {
        using var silent = new SilentReplicas(3);
        using var client = new ScoringClient(ScoringTarget.Parse(silent.Addresses, "Scoring:Addresses"), replicas.ApiKey, new ScoringChannelOptions { CallTimeout = TimeSpan.FromSeconds(2) });

        var ex = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => client.ScoreAsync(ScoringReplicas.Referrals(3), Ct));

        Assert.Equal(Grpc.Core.StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task GetModelsAsync_ThroughTheBalancerWithApiKey_EachReplicaAdmitsThePartner()
    {
        const string admitted = "Partner tests called katalyst.v1.Scoring/GetModels";
        using var client = new ScoringClient(replicas.Target, replicas.ApiKey);
        var before = replicas.Replicas.Select(r => r.OutputLinesContaining(admitted)).ToArray();

        for (var i = 0; i < 12; i++)
        {
            Assert.NotEmpty((await client.GetModelsAsync(Ct)).Models);
        }

        // The key travels with every call to whichever replica takes it (two or three are up, as the tests' order has it).
        int[] Calls() => [.. replicas.Replicas.Select((r, i) => r.OutputLinesContaining(admitted) - before[i])];
        await WaitUntilAsync(() => Calls().Sum() >= 12);
        Assert.True(Calls().Count(c => c > 0) >= 2, $"GetModels calls per replica: {string.Join(", ", Calls())}");
    }

    // Workers call ScoreAsync side by side, so streams are in flight on several replicas at once.
    private static async Task ScoreAllAsync(ScoringClient client, IReadOnlyList<ScoreRequest[]> batches, ConcurrentBag<ScoringOutcome> outcomes)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                foreach (var outcome in await client.ScoreAsync(batches[i], Ct))
                {
                    outcomes.Add(outcome);
                }
            }
        }, Ct)));
    }

    // Each replica logs a call as it admits it; the log reaches the test through a pipe, a moment later.
    private async Task<int[]> AdmittedAtLeastAsync(int calls)
    {
        await WaitUntilAsync(() => replicas.Admitted().Sum() >= calls);
        return replicas.Admitted();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 20)
        {
            Assert.True(waited < 30_000, "the condition did not hold within 30 s");
            await Task.Delay(20, Ct);
        }
    }

    private static string ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
