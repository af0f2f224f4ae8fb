using System.Diagnostics;
using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Katalyst.Cli.Tests.Crash;

/// <summary>
/// Kill -9 the importer at random points across many runs of the same batch, then run it to the end: every referral
/// must be stored exactly once with all its files and hashes, as an uninterrupted import stores them, every stored
/// file must hash to its address, and no file may be left over in the evidence folder.
/// </summary>
public sealed class ImportCrashTests
{
    private const int Referrals = 240;
    private const int Kills = 8;

    [Fact]
    public async Task Import_KilledAtRandomPointsThenRerun_EveryReferralOnceWithAllFilesNoOrphans()
    {
        using var work = new WorkFolder();
        var generated = await KatalystProcess.RunAsync(work.Path, "generate", "--count", $"{Referrals}", "--seed", "77", "--out", "g", "--media");
        Assert.True(generated.ExitCode == 0, generated.All);
        var clean = await KatalystProcess.RunAsync(work.Path, "import", "g", "--db", "clean/store.db");
        Assert.True(clean.ExitCode == 0, clean.All);

        var seed = Environment.TickCount;
        var random = new Random(seed);
        var killedMidway = 0;
        for (var run = 0; run < Kills; run++)
        {
            killedMidway += await KillDuringImportAsync(work.Path, TimeSpan.FromMilliseconds(random.Next(300, 4000))) ? 1 : 0;
        }

        var last = await KatalystProcess.RunAsync(work.Path, "import", "g", "--db", "crash/store.db");

        Assert.True(last.ExitCode == 0, $"seed {seed}: {last.All}");
        Assert.True(killedMidway > 0, $"seed {seed}: no run was killed before it finished; the test proved nothing");
        var expected = await StoredFilesAsync(work["clean/store.db"]);
        var actual = await StoredFilesAsync(work["crash/store.db"]);
        Assert.Equal(Referrals, await ScalarAsync(work["crash/store.db"], "SELECT COUNT(*) FROM referrals"));
        Assert.Equal(expected, actual);
        Assert.Equal(
            await ScalarAsync(work["clean/store.db"], "SELECT COUNT(*) FROM referral_identifiers"),
            await ScalarAsync(work["crash/store.db"], "SELECT COUNT(*) FROM referral_identifiers"));
        var evidence = work["crash/evidence"];
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(evidence, "tmp")));
        var temp = Path.Combine(evidence, "tmp") + Path.DirectorySeparatorChar;
        var stored = Directory.EnumerateFiles(evidence, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(temp, StringComparison.Ordinal)).ToList();
        var referenced = actual.Where(f => f.Sha256 is not null).Select(f => f.Sha256!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(referenced.Order(StringComparer.Ordinal), stored.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in stored)
        {
            await using var bytes = File.OpenRead(file);
            Assert.Equal(Path.GetFileName(file), Convert.ToHexStringLower(await SHA256.HashDataAsync(bytes, TestContext.Current.CancellationToken)));
        }
    }

    // True when the import was still running when it was killed.
    private static async Task<bool> KillDuringImportAsync(string workingDirectory, TimeSpan after)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "katalyst.dll"), "import", "g", "--db", "crash/store.db" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("katalyst did not start");
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timer = new CancellationTokenSource(after);
        try
        {
            await process.WaitForExitAsync(timer.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no flush
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            SqliteConnection.ClearAllPools();
            return true;
        }
    }

    private static async Task<List<StoredFile>> StoredFilesAsync(string database)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        var rows = await connection.QueryAsync<StoredFile>(
            "SELECT f.report_id AS ReportId, f.file_id AS FileId, f.sha256 AS Sha256, e.md5 AS Md5, e.sha1 AS Sha1 FROM referral_files f LEFT JOIN evidence e ON e.sha256 = f.sha256 ORDER BY f.report_id, f.file_id");
        return [.. rows];
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly }.ToString());
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private sealed record StoredFile(long ReportId, string FileId, string? Sha256, string? Md5, string? Sha1);
}
