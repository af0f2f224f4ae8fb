using System.Globalization;
using Katalyst.Portal.Audit;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Outbox;
using Microsoft.AspNetCore.Components;

namespace Katalyst.Portal.Admin;

/// <summary>
/// The scoring outbox on /admin/scoring: how many referrals wait, retry or were given up, and each given-up referral
/// with "scoring failed: reason" and a Retry button (audited). Nothing here closes or changes a referral.
/// </summary>
public sealed partial class ScoringOutboxPanel
{
    /// <summary>Given-up referrals listed, latest first.</summary>
    public const int Shown = 200;

    private ScoringOutboxCounts? counts;
    private IReadOnlyList<ScoringOutboxItem> failed = [];
    private string? message;

    [Inject]
    private StoreDataSource DataSource { get; set; } = default!;

    [Inject]
    private AuditLog Audit { get; set; } = default!;

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var outbox = new ScoringOutboxStore(DataSource);
        counts = await outbox.CountsAsync();
        failed = await outbox.FailedAsync(Shown);
    }

    private async Task RetryAsync(long reportId)
    {
        if (await new ScoringOutboxStore(DataSource).RetryAsync(reportId))
        {
            await Audit.RecordAsync(AuditActions.ScoringRetried, reportId.ToString(CultureInfo.InvariantCulture));
            message = string.Create(CultureInfo.InvariantCulture, $"Report {reportId} will be scored again on the next pass.");
        }
        else
        {
            message = string.Create(CultureInfo.InvariantCulture, $"Report {reportId} was no longer given up (someone retried it already).");
        }

        await LoadAsync();
    }
}
