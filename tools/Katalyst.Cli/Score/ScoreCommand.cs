using System.CommandLine;
using Grpc.Core;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Cli.Partners;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Balancing;
using Katalyst.Telemetry;

namespace Katalyst.Cli.Score;

/// <summary>
/// <c>katalyst score PATH --server URL</c>: scores packages on disk through the scoring service's stream and prints
/// one JSON line per referral; a package that cannot be read gets a line with its error.
/// </summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "A package folder, a batch folder of packages, or a .zip of either." };
        var server = ServerOption.Create();
        var known = new Option<string?>("--known-hashes") { Description = "A hashType,value,category CSV of known material (e.g. known-hashes.csv); without it file matches are unknown." };
        var country = new Option<string>("--agency-country") { Description = "The agency's ISO-3166 alpha-2 country.", DefaultValueFactory = _ => "PK" };
        var apiKey = ApiKeyOption.Create();
        var command = new Command("score", "Score referral packages with the scoring service; one JSON line per referral.") { path, server, known, country, apiKey };
        command.SetAction((result, ct) => RunAsync(result.GetValue(path)!, result.GetValue(server)!, result.GetValue(known), result.GetValue(country)!, result.GetValue(apiKey), ct));
        return command;
    }

    private static async Task<int> RunAsync(string path, string server, string? knownHashes, string country, string? apiKey, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            await System.Console.Error.WriteLineAsync($"katalyst score: {path} does not exist.");
            return 2;
        }

        if (!string.Equals(country, "PK", StringComparison.OrdinalIgnoreCase))
        {
            await System.Console.Error.WriteLineAsync("katalyst score: only PK phone numbering is configured so far; in-country phones are read as Pakistani.");
        }

        if (!ServerOption.TryRead(server, "katalyst score", out var target))
        {
            return 2;
        }

        using var telemetry = CommandTelemetry.Start("katalyst score"); // Telemetry__Otlp__Endpoint: spans and metrics to the collector
        try
        {
            return await StreamAsync(path, target, knownHashes, country, apiKey, cancellationToken);
        }
        catch (RpcException ex)
        {
            await System.Console.Error.WriteLineAsync($"katalyst score: the scoring service at {server} failed: {ex.Status.StatusCode}: {ex.Status.Detail}");
            return 2;
        }
    }

    private static async Task<int> StreamAsync(string path, ScoringTarget server, string? knownHashes, string country, string? apiKey, CancellationToken cancellationToken)
    {
        var known = knownHashes is null ? KnownHashList.Empty : KnownHashList.Load(knownHashes);
        var reader = new PackageScoringReader(ScoringContext.Pakistan(known) with { AgencyCountry = country.ToUpperInvariant() });
        using var channel = ScoringChannel.Create(server);
        using var call = new Protos.V1.Scoring.ScoringClient(channel.WithApiKey(apiKey)).ScoreStream(cancellationToken: cancellationToken);
        var output = System.Console.Out;
        var failures = 0;
        var printing = Task.Run(async () =>
        {
            await foreach (var result in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                if (result.Error.Length > 0)
                {
                    Interlocked.Increment(ref failures);
                }

                await output.WriteLineAsync(ScoreJson.Line(result));
            }
        }, cancellationToken);

        foreach (var package in PackageSource.Enumerate(path))
        {
            using (package)
            {
                var input = await reader.ReadAsync(package, cancellationToken);
                if (input.Request is null)
                {
                    Interlocked.Increment(ref failures);
                    await output.WriteLineAsync(ScoreJson.Error(input.ReportId, input.Error ?? "unreadable"));
                    continue;
                }

                await call.RequestStream.WriteAsync(input.Request, cancellationToken);
            }
        }

        await call.RequestStream.CompleteAsync();
        await printing;
        return failures == 0 ? 0 : 2;
    }
}
