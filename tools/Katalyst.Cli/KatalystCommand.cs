using System.CommandLine;
using Katalyst.Cli.Generate;
using Katalyst.Cli.Import;

namespace Katalyst.Cli;

/// <summary>The <c>katalyst</c> command: the operators' and benchmarks' front door.</summary>
internal static class KatalystCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Katalyst: triage for CyberTipline referrals. Every command has --help.");
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        return root;
    }
}
