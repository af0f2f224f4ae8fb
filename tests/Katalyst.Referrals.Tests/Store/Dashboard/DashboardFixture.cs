using static Katalyst.Referrals.Tests.Store.Queue.QueueFixture;

namespace Katalyst.Referrals.Tests.Store.Dashboard;

/// <summary>
/// The queue tests' eight standard referrals (received 30 Sep to 7 Oct 2026) with work done on five of them:
/// statuses, units and first-review times chosen so that every dashboard figure is known.
/// </summary>
internal static class DashboardFixture
{
    private const string Work = """
        UPDATE referral_queue SET status = 'in_review', first_reviewed_at = '2026-10-05T10:00:00.0000000Z' WHERE report_id = 101;
        UPDATE referral_queue SET status = 'assigned', unit_id = 1, first_reviewed_at = '2026-10-01T09:00:00.0000000Z' WHERE report_id = 102;
        UPDATE referral_queue SET status = 'investigating', unit_id = 1, first_reviewed_at = '2026-10-02T12:00:00.0000000Z' WHERE report_id = 104;
        UPDATE referral_queue SET status = 'closed', unit_id = 2, first_reviewed_at = '2026-10-04T08:30:00.0000000Z' WHERE report_id = 105;
        UPDATE referral_queue SET status = 'assigned', unit_id = 2, first_reviewed_at = '2026-10-06T20:00:00.0000000Z' WHERE report_id = 106;
        """;

    public static async Task<TempStore> WorkedStoreAsync()
    {
        var store = await StoreWithAsync(Standard);
        await ExecuteAsync(store, Work);
        return store;
    }
}
