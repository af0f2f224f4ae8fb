using System.CommandLine;
using Katalyst.Cli.Console;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
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
        var command = new Command("import", "Import referral packages: whole or not at all, idempotent by reportId, evidence stored as received.")
        {
            path,
            parallelism,
        };
        store.AddTo(command);
        limits.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var options = limits.Read(result);
            options.Parallelism = Math.Clamp(result.GetValue(parallelism), 1, 64);
            return RunAsync(result.GetValue(path)!, store.Read(result), options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string path, StoreOptions storeOptions, IntakeOptions intakeOptions, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            await System.Console.Error.WriteLineAsync($"katalyst import: {path} does not exist.");
            return SomethingRejected;
        }

        var dataSource = StoreDataSource.FromOptions(storeOptions);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
        var importer = new ReferralImporter(
            dataSource,
            new EvidenceStore(storeOptions.EvidencePath),
            intakeOptions,
            NullLogger<ReferralImporter>.Instance);

        var summary = await Terminal.WithProgressAsync(
            "Importing referrals",
            PackageSource.Estimate(path),
            report => importer.ImportAsync(path, new InlineProgress<ImportProgress>(p => report(p.Processed)), cancellationToken));

        ImportSummaryPrinter.Print(summary, System.Console.Out);
        return summary.Rejections.Count + summary.Conflicts.Count == 0 ? Success : SomethingRejected;
    }
}
