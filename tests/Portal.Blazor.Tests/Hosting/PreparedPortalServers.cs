using Dapper;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store;

namespace Katalyst.Portal.Tests.Hosting;

/// <summary>A portal whose store holds 60 referrals.</summary>
public class SeededPortalServer : PortalServer
{
    /// <summary>The referrals in the store, newest first.</summary>
    public IReadOnlyList<SeededReferral> Referrals { get; private set; } = [];

    /// <summary>The score stored for the newest referral; the others stay unscored.</summary>
    public static readonly ReferralScore NewestScore = new(
        0, 1, "IMMEDIATE", 0.97, 2,
        new Dictionary<string, double> { ["meeting"] = 0.93 },
        [new ScoreReason("text.meeting", 4.2, "The texts arrange an offline meeting with a child.")],
        ["1 file was not viewed by the ESP: legal authority needed before viewing."],
        ["esp-escalation: The ESP escalated the report."],
        "text-indicators test, priority test");

    /// <inheritdoc />
    protected override async Task PrepareStoreAsync(StoreDataSource dataSource, CancellationToken cancellationToken)
    {
        Referrals = await ReferralRows.InsertAsync(dataSource, 60, cancellationToken);
        await new ReferralScoreStore(dataSource).SaveAsync([NewestScore with { ReportId = Referrals[0].ReportId }], cancellationToken);
    }
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

/// <summary>A seeded portal of its own for the queue's bulk actions, which change referrals' state.</summary>
public sealed class BulkEditPortalServer : SeededPortalServer;
