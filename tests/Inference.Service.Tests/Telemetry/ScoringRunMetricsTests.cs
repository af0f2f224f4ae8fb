using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Katalyst.Inference.Tests.Outbox;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Outbox;

namespace Katalyst.Inference.Tests.Telemetry;

/// <summary>The scoring run's own metrics (portal and CLI side): the outbox backlog it found and what became of each referral sent.</summary>
public sealed class ScoringRunMetricsTests
{
    // A count no other test's store has, so measurements from runs beside this one cannot pass for its own.
    private const int Referrals = 17;

    [Fact]
    public async Task DrainAsync_SeventeenWaiting_BacklogAndScoredRecorded()
    {
        var ct = TestContext.Current.CancellationToken;
        var measured = new ConcurrentQueue<(string Instrument, long Value, string? Result)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ScoringRunTelemetry.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) =>
            measured.Enqueue((i.Name, v, tags.ToArray().FirstOrDefault(t => t.Key == "result").Value as string)));
        listener.Start();
        await using var store = await OutboxStore.CreateAsync(Referrals, ct, seed: 1717);
        using var server = new OutboxInferenceServer();
        using var client = server.Client();
        var run = new ScoringOutboxRun(store.DataSource, client, ScoringContext.Pakistan(), new ScoringOutboxOptions { BatchSize = 50 }, "metrics-tests");

        var pass = await run.DrainAsync(cancellationToken: ct);

        Assert.Equal(Referrals, pass.Scored);
        Assert.Contains(measured, m => m is { Instrument: "katalyst.scoring.unscored", Value: Referrals });
        Assert.Contains(measured, m => m is { Instrument: "katalyst.scoring.stored", Value: Referrals, Result: "scored" });
    }
}
