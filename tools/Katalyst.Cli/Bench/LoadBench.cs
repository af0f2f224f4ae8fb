using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Katalyst.Cli.Partners;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Scoring;

namespace Katalyst.Cli.Bench;

/// <summary>
/// <c>katalyst bench load</c>: single <c>Score</c> calls at a fixed rate for a duration, open loop (a slow answer never
/// delays the next send), reporting per interval and overall the errors by status code, latency percentiles and, given
/// <c>--service-pid</c>, the service's resident memory.
/// </summary>
internal static class LoadBench
{
    public static Command Create()
    {
        var server = new Option<string>("--server") { Description = "The scoring service's address.", DefaultValueFactory = _ => "http://127.0.0.1:5081" };
        var rate = new Option<int>("--rate") { Description = "Score calls a second.", DefaultValueFactory = _ => 2000 };
        var duration = new Option<string>("--duration") { Description = "How long to send: e.g. 30s, 2m, 10m.", DefaultValueFactory = _ => "1m" };
        var interval = new Option<string>("--interval") { Description = "Reporting interval, e.g. 10s.", DefaultValueFactory = _ => "10s" };
        var deadline = new Option<string>("--deadline") { Description = "Each call's gRPC deadline, e.g. 5s.", DefaultValueFactory = _ => "5s" };
        var servicePid = new Option<int?>("--service-pid") { Description = "The local service's process id: its resident memory (VmRSS in /proc/PID/status) is sampled each interval." };
        var apiKey = ApiKeyOption.Create();
        var command = new Command("load", "Open-loop load at a fixed rate: errors by status code, latency p50/p90/p99/max per interval and overall, and the service's memory over time.")
        {
            server, rate, duration, interval, deadline, servicePid, apiKey,
        };
        command.SetAction((result, ct) =>
        {
            var settings = LoadSettings.Parse(result.GetValue(rate), result.GetValue(duration)!, result.GetValue(interval)!, result.GetValue(deadline)!, result.GetValue(servicePid), out var problem);
            if (settings is null)
            {
                System.Console.Error.WriteLine($"katalyst bench load: {problem}");
                return Task.FromResult(2);
            }

            return RunAsync(result.GetValue(server)!, settings, result.GetValue(apiKey), ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(string server, LoadSettings settings, string? apiKey, CancellationToken cancellationToken)
    {
        var requests = await ScoreBench.SampleRequestsAsync(cancellationToken);
        using var channel = GrpcChannel.ForAddress(server, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        var client = new Protos.V1.Scoring.ScoringClient(channel.WithApiKey(apiKey));
        try
        {
            await client.ScoreAsync(requests[0], cancellationToken: cancellationToken); // connect
        }
        catch (RpcException ex)
        {
            await System.Console.Error.WriteLineAsync($"katalyst bench load: the service at {server} did not answer: {ex.StatusCode}: {ex.Status.Detail}");
            return 1;
        }

        var total = (int)Math.Min(int.MaxValue, settings.Rate * settings.Duration.TotalSeconds);
        var calls = new LoadCall[total];
        var memory = new List<(TimeSpan At, long Bytes)>();
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Load: {settings.Rate:N0} Score calls/s for {settings.Duration.TotalSeconds:N0} s against {server} (deadline {settings.Deadline.TotalSeconds:N1} s)"));
        var clock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = settings.ServicePid is { } pid ? SampleMemoryAsync(pid, settings.Interval, clock, memory, sampling.Token) : Task.CompletedTask;
        var pending = new List<Task>(total);
        for (var sent = 0; sent < total;)
        {
            var due = (int)Math.Min(total, clock.Elapsed.TotalSeconds * settings.Rate);
            for (; sent < due; sent++)
            {
                var request = requests[sent % requests.Count].Clone();
                request.ReportId = 2_000_000_000L + sent;
                pending.Add(CallAsync(client, request, settings.Deadline, calls, sent, clock, cancellationToken));
            }

            await Task.Delay(1, cancellationToken);
        }

        await Task.WhenAll(pending);
        await sampling.CancelAsync();
        await sampler;
        LoadReport.Print(calls, settings, memory);
        return 0;
    }

    private static async Task CallAsync(Protos.V1.Scoring.ScoringClient client, ScoreRequest request, TimeSpan deadline, LoadCall[] calls, int index, Stopwatch clock, CancellationToken cancellationToken)
    {
        var started = clock.Elapsed;
        var status = StatusCode.OK;
        try
        {
            await client.ScoreAsync(request, deadline: DateTime.UtcNow + deadline, cancellationToken: cancellationToken);
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
        }

        calls[index] = new LoadCall(started, (clock.Elapsed - started).TotalMilliseconds, status);
    }

    private static async Task SampleMemoryAsync(int pid, TimeSpan interval, Stopwatch clock, List<(TimeSpan, long)> memory, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        memory.Add((clock.Elapsed, ResidentBytes(pid)));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                memory.Add((clock.Elapsed, ResidentBytes(pid)));
            }
        }
        catch (OperationCanceledException)
        {
            memory.Add((clock.Elapsed, ResidentBytes(pid)));
        }
    }

    // VmRSS of /proc/PID/status, in bytes: the whole process, native ONNX Runtime memory included (a GC figure would miss it).
    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{pid}/status has no VmRSS line");
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}

/// <summary>One call: when it was sent (since the start), how long it took, and its status.</summary>
internal readonly record struct LoadCall(TimeSpan SentAt, double Milliseconds, StatusCode Status);
