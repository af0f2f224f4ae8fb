using System.Text.Json;

namespace Katalyst.Cli.Tests.Score;

/// <summary>`katalyst score` against the real service in its own process, as a partner's engineer would run it.</summary>
public sealed class ScoreCommandTests(InferenceProcess service) : IClassFixture<InferenceProcess>
{
    private static readonly string[] Indicators = ["sextortion", "grooming", "meeting", "production", "contact_abuse", "trafficking", "self_harm_risk"];

    [Fact]
    public async Task Score_GeneratedBatchWithOneBrokenPackage_OneJsonLinePerReferralAndAnErrorLine()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "30", "--seed", "77", "--out", "g");
        var broken = Directory.GetDirectories(work["g"]).Order(StringComparer.Ordinal).First();
        await File.WriteAllTextAsync(Path.Combine(broken, "report.xml"), "<report>", TestContext.Current.CancellationToken);

        var result = await KatalystProcess.RunAsync(work.Path, "score", "g", "--server", service.Address, "--api-key", service.ApiKey, "--known-hashes", work["g/known-hashes.csv"]);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(30, lines.Count);
        var error = Assert.Single(lines, l => l.TryGetProperty("error", out _));
        Assert.Equal(long.Parse(Path.GetFileName(broken), System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("reportId").GetInt64());
        Assert.Contains("report.xml", error.GetProperty("error").GetString(), StringComparison.Ordinal);
        foreach (var line in lines.Where(l => !l.TryGetProperty("error", out _)))
        {
            Assert.InRange(line.GetProperty("tier").GetInt32(), 1, 5);
            Assert.False(string.IsNullOrEmpty(line.GetProperty("tierName").GetString()));
            Assert.InRange(line.GetProperty("score").GetDouble(), 0, 1);
            Assert.Equal(Indicators, line.GetProperty("indicators").EnumerateObject().Select(p => p.Name));
            Assert.Equal(JsonValueKind.Array, line.GetProperty("reasons").ValueKind);
            Assert.Equal(JsonValueKind.Array, line.GetProperty("warnings").ValueKind);
        }
    }

    [Fact]
    public async Task ImportWithScore_GeneratedBatch_StoresAScoreForEveryReferral()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "25", "--seed", "79", "--out", "g");

        var first = await KatalystProcess.RunAsync(work.Path, "import", "g", "--score", service.Address, "--api-key", service.ApiKey, "--known-hashes", work["g/known-hashes.csv"]);
        var again = await KatalystProcess.RunAsync(work.Path, "import", "g", "--score", service.Address, "--api-key", service.ApiKey);

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Matches(@"Scored:\s+25\b", first.Output);
        Assert.Matches(@"Scored:\s+0\b", again.Output);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={work["data/katalyst.db"]};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MIN(tier), MAX(tier) FROM referral_scores";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(25, reader.GetInt32(0));
        Assert.InRange(reader.GetInt32(1), 1, 5);
        Assert.InRange(reader.GetInt32(2), 1, 5);
    }

    [Fact]
    public async Task Score_ServerNotListening_FailsNamingTheAddress()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "2", "--seed", "78", "--out", "g");

        var result = await KatalystProcess.RunAsync(work.Path, "score", "g", "--server", "http://127.0.0.1:9");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("127.0.0.1:9", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_NoApiKey_FailsUnauthenticated()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "2", "--seed", "79", "--out", "g");

        var result = await KatalystProcess.RunAsync(work.Path, "score", "g", "--server", service.Address);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unauthenticated", result.Error, StringComparison.Ordinal);
    }
}
