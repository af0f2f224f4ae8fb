using System.CommandLine;
using Katalyst.Cli.Import;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Access;

namespace Katalyst.Cli.Audit;

/// <summary><c>katalyst audit verify</c>: walks the audit log's hash chain and reports the first broken link.</summary>
internal static class AuditCommand
{
    /// <summary>Exit code when the chain is broken.</summary>
    public const int Broken = 2;

    /// <summary>Exit code when the store or its audit log cannot be read.</summary>
    public const int CannotRead = 1;

    public static Command Create()
    {
        var store = new StoreArguments();
        var verify = new Command("verify", "Check the audit log's hash chain: every entry in place, linked to the one before and unchanged. Exit 2 names the first broken link.");
        store.AddTo(verify);
        verify.SetAction((result, ct) => VerifyAsync(store.Read(result), ct));
        return new Command("audit", "The portal's audit log.") { verify };
    }

    private static async Task<int> VerifyAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        AuditChainVerification result;
        try
        {
            result = await new AuditLogStore(StoreDataSource.FromOptions(options)).VerifyChainAsync(cancellationToken);
        }
        catch (System.Data.Common.DbException ex)
        {
            await System.Console.Error.WriteLineAsync($"katalyst audit verify: cannot read the audit log of --db: {ex.Message} (is it a Katalyst store?)");
            return CannotRead;
        }

        var unchained = result.Unchained > 0 ? $"; {result.Unchained:N0} entries were written before the chain existed and are not covered" : "";
        if (result.Break is { } broken)
        {
            var row = broken.Id is { } id ? $" (row id {id})" : "";
            System.Console.WriteLine($"Audit log BROKEN at entry {broken.Seq:N0}{row}: {broken.Reason}. The {result.Chained:N0} entries before it verify{unchained}.");
            return Broken;
        }

        System.Console.WriteLine($"Audit log intact: {result.Chained:N0} chained entries, head {result.HeadSeq:N0} {result.HeadHash}{unchained}.");
        System.Console.WriteLine("Keep the head hash somewhere else (e.g. the daily report): removing the newest entries is found only against it.");
        return 0;
    }
}
