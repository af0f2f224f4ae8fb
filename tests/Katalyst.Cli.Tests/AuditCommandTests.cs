using Dapper;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Access;
using Microsoft.Data.Sqlite;

namespace Katalyst.Cli.Tests;

public sealed class AuditCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuditVerify_ChainWholeThenRowEdited_IntactThenBrokenAtThatEntry()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "2", "--seed", "1", "--out", "g");
        await KatalystProcess.RunAsync(work.Path, "import", "g", "--db", "store.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = work["store.db"] }.ToString();
        var audit = new AuditLogStore(StoreDataSource.FromOptions(new StoreOptions { ConnectionString = connectionString }));
        for (var i = 0; i < 4; i++)
        {
            await audit.AppendAsync(DateTimeOffset.UtcNow, "inv.one", "referral.opened", $"{i}", null, "10.0.0.1", Ct);
        }

        SqliteConnection.ClearAllPools();
        var intact = await KatalystProcess.RunAsync(work.Path, "audit", "verify", "--db", "store.db");
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.ExecuteAsync("DROP TRIGGER tr_audit_log_no_update; UPDATE audit_log SET detail = 'hidden' WHERE seq = 2");
        }

        SqliteConnection.ClearAllPools();
        var broken = await KatalystProcess.RunAsync(work.Path, "audit", "verify", "--db", "store.db");

        Assert.True(intact.ExitCode == 0, intact.All);
        Assert.Contains("Audit log intact: 4 chained entries, head 4 ", intact.Output, StringComparison.Ordinal);
        Assert.Equal(2, broken.ExitCode);
        Assert.Matches(@"Audit log BROKEN at entry 2 \(row id \d+\): its hash does not match its content: the entry was changed\. The 1 entries before it verify\.", broken.Output);
    }
}
