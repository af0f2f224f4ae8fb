using System.Globalization;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Dashboard;
using Katalyst.Referrals.Store.Queue;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Katalyst.Portal.Components.Pages.Dashboard;

/// <summary>
/// The dashboard: referrals received per month, the open backlog by status, unit and tier, and the median time
/// from receipt to first review, for the whole agency (supervisors, administrators) or the investigator's unit.
/// </summary>
public sealed partial class DashboardPage
{
    private DashboardScope scope = new(false, null);
    private DashboardFigures? figures;
    private DateTimeOffset computedAt;
    private Dictionary<long, string> unitNames = [];
    private string? error;
    private bool interactive;

    [Inject]
    private DashboardCache Dashboard { get; set; } = null!;

    [Inject]
    private UnitStore Units { get; set; } = null!;

    [Inject]
    private AuthenticationStateProvider Authentication { get; set; } = null!;

    [Inject]
    private ILogger<DashboardPage> Logger { get; set; } = null!;

    private string ScopeText => scope.WholeAgency
        ? "The whole agency. Open work is every referral still New, In review, Assigned or Investigating."
        : $"Your unit, {UnitName(scope.UnitId)}: referrals it holds. Open work is every referral still New, In review, Assigned or Investigating.";

    private List<string> MonthLabels => figures!.ReceivedByMonth
        .Select(m => new DateTime(m.Year, m.Month, 1).ToString("MMM yyyy", CultureInfo.InvariantCulture)).ToList();

    private List<string> TierLabels => figures!.TierMix
        .Select(t => t.Tier <= 5 ? $"{t.Tier} {QueueRow.NameOf(t.Tier)}" : "Not scored yet").ToList();

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        var state = await Authentication.GetAuthenticationStateAsync();
        scope = DashboardScope.For(state.User);
        if (!scope.HasFigures)
        {
            return;
        }

        try
        {
            unitNames = (await Units.ListAsync()).ToDictionary(u => u.Id, u => u.Name);
            var read = await Dashboard.ReadAsync(scope.UnitId);
            (figures, computedAt) = (read.Figures, read.ComputedAt);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            Log.DashboardFailed(Logger, exception);
            error = "The dashboard's figures cannot be read from the store. The error is in the portal's log; try again later.";
        }
    }

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            interactive = true;
            StateHasChanged();
        }
    }

    private string UnitName(long? unitId) => unitId is { } id
        ? unitNames.GetValueOrDefault(id) ?? $"Unit {id.ToString(CultureInfo.InvariantCulture)}"
        : "No unit";

    private string ComputedText => Dashboard.Lifetime > TimeSpan.Zero
        ? $"Figures computed at {computedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC; they are kept for up to {Dashboard.Lifetime.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds."
        : $"Figures computed at {computedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC.";

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The dashboard's figures could not be read.")]
        public static partial void DashboardFailed(ILogger logger, Exception exception);
    }
}
