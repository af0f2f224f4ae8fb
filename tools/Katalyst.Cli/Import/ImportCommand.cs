using System.CommandLine;
using Katalyst.Cli.Console;
using Katalyst.Cli.Partners;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Geography;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Balancing;
using Katalyst.Referrals.Scoring.Outbox;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Katalyst.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Cli.Import;

/// <summary><c>katalyst import PATH</c>: referral packages into the store.</summary>
internal static class ImportCommand
{
    /// <summary>Exit code when every package was imported or was already stored.</summary>
    public const int Success = 0;

    /// <summary>Exit code when at least one package was rejected or conflicted with a stored one.</summary>
    public const int SomethingRejected = 2;

    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "A package folder, a batch folder of packages, or a .zip of either." };
        var store = new StoreArguments();
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "Packages read at once. Default: the number of processors.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var limits = new IntakeLimitArguments();
        var routing = new ImportRouting();
        var score = new Option<string?>("--score")
        {
            Description = "After importing, analyse every unanalysed file (hashes, PDQ, known-hash sets) and then score every unscored referral with the inference service at this address (e.g. http://127.0.0.1:5081; several comma-separated, or dns:///host:port, spread the calls round robin), storing both.",
        };
        var knownHashes = new Option<string?>("--known-hashes") { Description = "With --score: a hashType,value,category CSV of known material." };
        var apiKey = ApiKeyOption.Create();
        var noLinking = new Option<bool>("--no-linking") { Description = "Store referrals without linking them into subjects (for benchmarks; the portal always links)." };
        var command = new Command("import", "Import referral packages: whole or not at all, idempotent by reportId, evidence stored as received.")
        {
            path,
            parallelism,
            score,
            knownHashes,
            apiKey,
            noLinking,
        };
        store.AddTo(command);
        limits.AddTo(command);
        routing.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var options = limits.Read(result);
            options.Parallelism = Math.Clamp(result.GetValue(parallelism), 1, 64);
            var linking = new LinkingOptions { Enabled = !result.GetValue(noLinking) };
            return RunAsync(result.GetValue(path)!, store.Read(result), options, linking, routing.Read(result), result.GetValue(score), result.GetValue(knownHashes), result.GetValue(apiKey), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        string path, StoreOptions storeOptions, IntakeOptions intakeOptions, LinkingOptions linking, GeographyOptions geography, string? scoreServer, string? knownHashes, string? apiKey,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            await System.Console.Error.WriteLineAsync($"katalyst import: {path} does not exist.");
            return SomethingRejected;
        }

        ScoringTarget? scoreTarget = null;
        if (scoreServer is not null && !Score.ServerOption.TryRead(scoreServer, "katalyst import", out scoreTarget, "--score"))
        {
            return SomethingRejected;
        }

        // Telemetry__Otlp__Endpoint set: the import's spans and metrics (and --score's calls) go to the collector.
        using var telemetry = CommandTelemetry.Start("katalyst import");
        var dataSource = StoreDataSource.FromOptions(storeOptions);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
        var importer = new ReferralImporter(
            dataSource,
            new EvidenceStore(storeOptions.EvidencePath),
            intakeOptions,
            NullLogger<ReferralImporter>.Instance,
            linking);

        var summary = await Terminal.WithProgressAsync(
            "Importing referrals",
            PackageSource.Estimate(path),
            report => importer.ImportAsync(path, new InlineProgress<ImportProgress>(p => report(p.Processed)), cancellationToken));

        foreach (var line in ImportSummaryText.Lines(summary))
        {
            System.Console.WriteLine(line);
        }

        var routingFailed = !await ImportRouting.RouteAsync(dataSource, geography, cancellationToken);
        var scoringFailed = scoreTarget is not null
            && !(await ImportAnalysis.AnalyseAsync(dataSource, new EvidenceStore(storeOptions.EvidencePath), scoreTarget, apiKey, linking, cancellationToken)
                 && await ScoreAsync(dataSource, scoreTarget, knownHashes, apiKey, cancellationToken));
        return summary.Rejections.Count + summary.Conflicts.Count == 0 && summary.LinkingError is null && !scoringFailed && !routingFailed ? Success : SomethingRejected;
    }

    private static async Task<bool> ScoreAsync(StoreDataSource dataSource, ScoringTarget server, string? knownHashes, string? apiKey, CancellationToken cancellationToken)
    {
        var context = ScoringContext.Pakistan(knownHashes is null ? KnownHashList.Empty : KnownHashList.Load(knownHashes));
        using var client = new ScoringClient(server, apiKey);

        // Through the scoring outbox, like the portal: work a portal instance holds is left to it, and work that fails
        // here keeps its backoff, so the portal retries it later.
        var outbox = new ScoringOutboxRun(dataSource, client, context, new ScoringOutboxOptions(), $"katalyst-import/{Environment.MachineName}/{Environment.ProcessId}", afterAnalysis: true);
        var run = await Terminal.WithProgressAsync(
            "Scoring referrals",
            null,
            report => outbox.DrainAsync(new InlineProgress<int>(report), cancellationToken));
        System.Console.WriteLine($"Scored: {run.Scored,9:N0}" + (run.GaveUp.Count > 0 ? $" ({run.GaveUp.Count:N0} refused)" : ""));
        foreach (var failure in run.GaveUp)
        {
            System.Console.WriteLine($"NOT SCORED {failure}");
        }

        if (run.Retrying > 0)
        {
            await System.Console.Error.WriteLineAsync($"katalyst import: the scoring service at {server} failed for {run.Retrying:N0} referrals; they wait in the scoring outbox and are retried once their backoff has passed (by the portal, or by running the import again with --score). The import itself is stored.");
        }

        return run.GaveUp.Count == 0 && run.Retrying == 0;
    }
}
