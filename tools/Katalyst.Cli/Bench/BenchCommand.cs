using System.CommandLine;

namespace Katalyst.Cli.Bench;

/// <summary><c>katalyst bench</c>: measured speed, for docs/benchmarks.md.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks of the scoring service and the queue; record the figures in docs/benchmarks.md.");
        command.Subcommands.Add(ScoreBench.Create());
        command.Subcommands.Add(QueueBench.Create());
        command.Subcommands.Add(PdqBench.Create());
        command.Subcommands.Add(DashboardBench.Create());
        command.Subcommands.Add(HashesBench.Create());
        command.Subcommands.Add(LoadBench.Create());
        command.Subcommands.Add(MediaBench.Create());
        command.Subcommands.Add(TextDetectionBench.Create());
        return command;
    }
}
