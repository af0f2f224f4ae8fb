using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Cli.Partners;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Balancing;
using Katalyst.Synthetic;

namespace Katalyst.Cli.Bench;

/// <summary>
/// <c>katalyst bench score</c>: referrals a second through <c>ScoreStream</c>, then the latency of single
/// <c>Score</c> calls sent at a fixed rate (open loop: a slow answer never delays the next send).
/// </summary>
internal static class ScoreBench
{
    private const int DistinctReferrals = 1000;
    private const int StreamFlushEvery = 64;
    private const int WarmUpReferrals = 10_000;

    public static Command Create()
    {
        var server = Score.ServerOption.Create();
        var count = new Option<int>("--count") { Description = "Referrals to stream.", DefaultValueFactory = _ => 100_000 };
        var rate = new Option<int>("--rate") { Description = "Single Score calls a second for the latency run.", DefaultValueFactory = _ => 500 };
        var seconds = new Option<int>("--seconds") { Description = "How long the latency run lasts.", DefaultValueFactory = _ => 10 };
        var streams = new Option<int>("--streams")
        {
            Description = "ScoreStream calls at once, sharing --count (each call goes to one replica, so several spread over several replicas).",
            DefaultValueFactory = _ => 1,
        };
        var apiKey = ApiKeyOption.Create();
        var command = new Command("score", "Throughput of ScoreStream and p50/p99 latency of Score at a fixed request rate.") { server, count, rate, seconds, streams, apiKey };
        command.SetAction((result, ct) => RunAsync(
            result.GetValue(server)!, result.GetValue(count), result.GetValue(rate), result.GetValue(seconds), result.GetValue(streams), result.GetValue(apiKey), ct));
        return command;
    }

    private static async Task<int> RunAsync(string server, int count, int rate, int seconds, int streams, string? apiKey, CancellationToken cancellationToken)
    {
        if (count < 1 || rate < 1 || seconds < 1 || streams < 1 || streams > count)
        {
            await System.Console.Error.WriteLineAsync("katalyst bench score: --count, --rate, --seconds and --streams must be at least 1, and --streams at most --count.");
            return 2;
        }

        if (!Score.ServerOption.TryRead(server, "katalyst bench score", out var target))
        {
            return 2;
        }

        var requests = await SampleRequestsAsync(cancellationToken);
        using var channel = ScoringChannel.Create(target);
        var client = new Protos.V1.Scoring.ScoringClient(channel.WithApiKey(apiKey));
        await client.ScoreAsync(requests[0], cancellationToken: cancellationToken); // connect
        await StreamsAsync(client, requests, Math.Min(count, WarmUpReferrals), streams, cancellationToken); // steady state: every replica's hot paths compiled

        var culture = CultureInfo.InvariantCulture;
        var (streamed, elapsed) = await StreamsAsync(client, requests, count, streams, cancellationToken);
        System.Console.WriteLine(string.Create(culture,
            $"ScoreStream ({streams} at once): {streamed:N0} referrals in {elapsed.TotalSeconds:F2} s = {streamed / elapsed.TotalSeconds:N0} referrals/s"));

        var latencies = await FixedRateAsync(client, requests, rate, seconds, cancellationToken);
        latencies.Sort();
        System.Console.WriteLine(string.Create(culture,
            $"Score at {rate:N0}/s for {seconds} s: {latencies.Count:N0} calls, p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms"));
        return 0;
    }

    // Realistic requests: generated packages read the way `katalyst score` reads them, cycled with fresh report numbers.
    internal static async Task<List<ScoreRequest>> SampleRequestsAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "katalyst-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var generated = new ReferralGenerator(new GeneratorOptions { Count = DistinctReferrals, Seed = 4242, OutputDirectory = folder });
            generated.Generate(ct: cancellationToken);
            var knownPath = Path.Combine(folder, "known-hashes.csv");
            var reader = new PackageScoringReader(ScoringContext.Pakistan(KnownHashList.Load(knownPath)));
            var requests = new List<ScoreRequest>();
            foreach (var package in PackageSource.Enumerate(folder))
            {
                using (package)
                {
                    var input = await reader.ReadAsync(package, cancellationToken);
                    requests.Add(input.Request ?? throw new InvalidDataException(input.Error));
                }
            }

            return requests;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Several streams at once, each with its own copies of the requests (a stream changes their report numbers as it sends).
    private static async Task<(int Count, TimeSpan Elapsed)> StreamsAsync(
        Protos.V1.Scoring.ScoringClient client, List<ScoreRequest> requests, int count, int streams, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, streams).Select(s =>
        {
            var own = streams == 1 ? requests : requests.Select(r => r.Clone()).ToList();
            var share = (count / streams) + (s < count % streams ? 1 : 0);
            return Task.Run(() => StreamAsync(client, own, share, 1_000_000_000L + ((long)s * count), cancellationToken), cancellationToken);
        }));
        return (results.Sum(r => r.Count), clock.Elapsed);
    }

    private static async Task<(int Count, TimeSpan Elapsed)> StreamAsync(
        Protos.V1.Scoring.ScoringClient client, List<ScoreRequest> requests, int count, long firstReportId, CancellationToken cancellationToken)
    {
        using var call = client.ScoreStream(cancellationToken: cancellationToken);
        var clock = Stopwatch.StartNew();
        var reading = Task.Run(async () =>
        {
            var received = 0;
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                received++;
            }

            return received;
        }, cancellationToken);
        // The client shares the machine's cores with the service, so it does as little as a client can: requests are built
        // once and only their report number changes (a write has serialised the message by the time it returns), and
        // writes are flushed every StreamFlushEvery requests rather than one by one.
        var buffered = new WriteOptions(WriteFlags.BufferHint);
        var flushed = new WriteOptions();
        for (var i = 0; i < count; i++)
        {
            var request = requests[i % requests.Count];
            request.ReportId = firstReportId + i;
            call.RequestStream.WriteOptions = (i + 1) % StreamFlushEvery == 0 || i == count - 1 ? flushed : buffered;
            await call.RequestStream.WriteAsync(request, cancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        var receivedCount = await reading;
        return (receivedCount, clock.Elapsed);
    }

    private static async Task<List<double>> FixedRateAsync(Protos.V1.Scoring.ScoringClient client, List<ScoreRequest> requests, int rate, int seconds, CancellationToken cancellationToken)
    {
        var total = rate * seconds;
        var calls = new List<Task<double>>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            calls.Add(TimeOneAsync(client, requests[i % requests.Count], cancellationToken));
        }

        return [.. await Task.WhenAll(calls)];
    }

    private static async Task<double> TimeOneAsync(Protos.V1.Scoring.ScoringClient client, ScoreRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await client.ScoreAsync(request, cancellationToken: cancellationToken);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
