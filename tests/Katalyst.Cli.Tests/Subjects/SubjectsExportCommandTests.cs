using System.Globalization;

namespace Katalyst.Cli.Tests.Subjects;

public sealed class SubjectsExportCommandTests
{
    [Fact]
    public async Task SubjectsExport_ImportedBatch_OneRowPerReferralAndRepeatSubjectsShareAnId()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "150", "--seed", "11", "--out", "g");
        var imported = await KatalystProcess.RunAsync(work.Path, "import", "g", "--db", "store.db");
        Assert.True(imported.ExitCode == 0, imported.All);

        var result = await KatalystProcess.RunAsync(work.Path, "subjects", "export", "--db", "store.db");

        Assert.True(result.ExitCode == 0, result.All);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("reportId,subjectId", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => long.Parse(r[1], CultureInfo.InvariantCulture));
        var truth = File.ReadLines(work["g/subjects.csv"]).Skip(1).Select(l => l.Split(',')).ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => r[1]);
        Assert.Equal(truth.Keys.Order(), rows.Keys);
        Assert.True(rows.Values.Distinct().Count() < rows.Count, "some referrals of a repeat subject share a subject id");
    }

    [Fact]
    public async Task SubjectsExport_NoStore_ExitsTwoNamingThePath()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "subjects", "export", "--db", "missing.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("missing.db", result.Error, StringComparison.Ordinal);
    }
}
