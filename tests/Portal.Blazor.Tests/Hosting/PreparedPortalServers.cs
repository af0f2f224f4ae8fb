using Dapper;
using Katalyst.Referrals.Store;

namespace Katalyst.Portal.Tests.Hosting;

/// <summary>A portal whose store holds 60 referrals.</summary>
public sealed class SeededPortalServer : PortalServer
{
    /// <summary>The referrals in the store, newest first.</summary>
    public IReadOnlyList<SeededReferral> Referrals { get; private set; } = [];

    /// <inheritdoc />
    protected override async Task PrepareStoreAsync(StoreDataSource dataSource, CancellationToken cancellationToken) =>
        Referrals = await ReferralRows.InsertAsync(dataSource, 60, cancellationToken);
}

/// <summary>A portal whose store has lost its referrals table, so every list query fails.</summary>
public sealed class BrokenStorePortalServer : PortalServer
{
    private const string DropReferrals = """
        DROP TABLE referral_files;
        DROP TABLE referrals;
        """;

    /// <inheritdoc />
    protected override async Task PrepareStoreAsync(StoreDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(DropReferrals, cancellationToken: cancellationToken));
    }
}
