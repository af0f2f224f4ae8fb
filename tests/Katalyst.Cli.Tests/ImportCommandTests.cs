using System.Text;
using Microsoft.Data.Sqlite;

namespace Katalyst.Cli.Tests;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_GeneratedBatchTwice_ImportsAllThenReportsAllDuplicates()
    {
        using var work = new WorkFolder();
        var generated = await KatalystProcess.RunAsync(work.Path, "generate", "--count", "40", "--seed", "7", "--out", "g");
        Assert.True(generated.ExitCode == 0, generated.All);

        var first = await KatalystProcess.RunAsync(work.Path, "import", "g");
        var storeAfterFirst = Snapshot(work["data/katalyst.db"]);
        var second = await KatalystProcess.RunAsync(work.Path, "import", "g");

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Matches(@"Imported:\s+40\b", first.Output);
        Assert.Matches(@"Stored 40 packages in \d+\.\d s \(\d+ a second\)", first.Output); // the import rate, without linking
        Assert.Matches(@"Linked 40 referrals in \d+\.\d s", first.Output); // then linking, timed apart
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Matches(@"Linked 0 referrals in", second.Output);
        Assert.Matches(@"Imported:\s+0\b", second.Output);
        Assert.Matches(@"Duplicates:\s+40\b", second.Output);
        Assert.Equal(storeAfterFirst, Snapshot(work["data/katalyst.db"]));
    }

    [Fact]
    public async Task Import_BatchWithOneBrokenPackage_ImportsTheRestExitsTwoAndNamesTheFault()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "10", "--seed", "3", "--out", "g");
        var broken = Directory.GetDirectories(work["g"]).Order(StringComparer.Ordinal).ElementAt(4);
        await File.WriteAllTextAsync(Path.Combine(broken, "report.xml"), "<report><incidentSummary>", TestContext.Current.CancellationToken);

        var result = await KatalystProcess.RunAsync(work.Path, "import", "g", "--db", "store.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches(@"Imported:\s+9\b", result.Output);
        Assert.Matches(@"Rejected:\s+1\b", result.Output);
        Assert.Contains($"REJECTED {broken}: report.xml", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ExternalEntityPointingAtLocalFile_RejectedAndContentAppearsNowhere()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "3", "--seed", "5", "--out", "g");
        var secret = "LOCAL-SECRET-" + Guid.NewGuid().ToString("N");
        var secretFile = work["secret.txt"];
        await File.WriteAllTextAsync(secretFile, secret, TestContext.Current.CancellationToken);
        var package = Directory.GetDirectories(work["g"]).Order(StringComparer.Ordinal).First();
        var report = await File.ReadAllTextAsync(Path.Combine(package, "report.xml"), TestContext.Current.CancellationToken);
        var body = report[report.IndexOf("<report", StringComparison.Ordinal)..];
        var hostile = $"<?xml version=\"1.0\"?>\n<!DOCTYPE report [ <!ENTITY leak SYSTEM \"file://{secretFile}\"> ]>\n"
            + body.Replace("</report>", "<additionalInfo>&leak;</additionalInfo></report>", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(package, "report.xml"), hostile, TestContext.Current.CancellationToken);

        var result = await KatalystProcess.RunAsync(work.Path, "import", "g");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("REJECTED", result.Output, StringComparison.Ordinal);
        Assert.Contains("DTD", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(secret, result.All, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(work["data"], "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(secret, Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Import_PathThatDoesNotExist_ExitsTwoNamingThePath()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "import", "no-such-folder");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-folder does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MaxFileBytesBelowAFile_RejectsThatPackageNamingTheLimit()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "2", "--seed", "11", "--out", "g", "--media");

        var result = await KatalystProcess.RunAsync(work.Path, "import", "g", "--max-file-bytes", "16");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("over the limit of 16", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("generate")]
    public async Task Help_EachCommand_DescribesItsOptions(string command)
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains(command == "import" ? "--db" : "--seed", result.Output, StringComparison.Ordinal);
    }

    private static string Snapshot(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        var text = new StringBuilder();
        foreach (var table in new[] { "referrals", "referral_files", "evidence", "intake_log" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY 1, 2";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.GetValue(i)).Append('|');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
