using System.CommandLine;
using Katalyst.Cli.Bench;
using Katalyst.Cli.Generate;
using Katalyst.Cli.Hashes;
using Katalyst.Cli.Import;
using Katalyst.Cli.Models;
using Katalyst.Cli.Partners;
using Katalyst.Cli.Pdq;
using Katalyst.Cli.Score;
using Katalyst.Cli.Subjects;
using Katalyst.Cli.Train;

namespace Katalyst.Cli;

/// <summary>The <c>katalyst</c> command: the operators' and benchmarks' front door.</summary>
internal static class KatalystCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Katalyst: triage for CyberTipline referrals. Every command has --help.");
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ScoreCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(PdqCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(Audit.AuditCommand.Create());
        root.Subcommands.Add(SubjectsCommand.Create());
        root.Subcommands.Add(HashesCommand.Create());
        root.Subcommands.Add(PartnersCommand.Create());
        root.Subcommands.Add(Store.StoreCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        return root;
    }
}
