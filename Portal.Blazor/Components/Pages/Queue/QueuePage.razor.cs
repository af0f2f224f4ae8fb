using System.Data.Common;
using System.Globalization;
using Katalyst.Portal.Access;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Queue;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace Katalyst.Portal.Components.Pages.Queue;

/// <summary>
/// The work queue at <c>/</c>: every referral in the store, most urgent first, filtered, sorted and paged on the
/// server; the filter lives in the URL. Bulk actions appear only when <see cref="CanBulkEdit"/> is true.
/// </summary>
public sealed partial class QueuePage
{
    /// <summary>Rows per page when the page opens.</summary>
    internal const int DefaultPageSize = 25;

    private const string NotGiven = "—";

    private static readonly int[] PageSizeOptions = [10, DefaultPageSize, 50, 100];

    private readonly FilterEdit edit = new();
    private MudDataGrid<QueueRow>? grid;
    private QueueFilter filter = new();
    private HashSet<QueueRow> selected = [];
    private string? loadError;

    // A bad URL value stays named while the rest of the filter loads: a successful page load clears only loadError.
    private string? urlError;
    private bool loaded;
    private bool filterIsEmpty = true;
    private int? bulkUserId;
    private int? bulkUnitId;
    private string? bulkMessage;
    private IReadOnlyList<BulkRefusal> bulkRefusals = [];
    private IReadOnlyList<AgencyUnit> units = [];
    private IReadOnlyList<UserAccount> people = [];
    private QueueScope? scope;

    /// <summary>
    /// True when the bulk actions (select rows, Assign, Mark reviewed) are shown. Default false; set from
    /// <see cref="QueueAccess"/>, which the integrator wires to the Supervisor role.
    /// </summary>
    public bool CanBulkEdit { get; private set; }

    [Inject]
    private QueueStore Queue { get; set; } = default!;

    [Inject]
    private QueueAccess Access { get; set; } = default!;

    [Inject]
    private UserStore Users { get; set; } = default!;

    [Inject]
    private UnitStore Units { get; set; } = default!;

    [Inject]
    private ReferralScopes Scopes { get; set; } = default!;

    [CascadingParameter]
    private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private Katalyst.Portal.Audit.AuditLog Audit { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Authentication { get; set; } = default!;

    [Inject]
    private ILogger<QueuePage> Logger { get; set; } = default!;

    /// <summary>The chip colour of a tier: red for IMMEDIATE down to grey for INFORMATIONAL.</summary>
    internal static Color TierColor(int tier) => tier switch
    {
        1 => Color.Error,
        2 => Color.Warning,
        3 => Color.Info,
        4 => Color.Default,
        _ => Color.Dark,
    };

    /// <summary>Formats a receipt time as UTC in a sortable form, e.g. <c>2025-01-31 08:15:00Z</c>.</summary>
    internal static string FormatReceived(DateTimeOffset receivedAt) =>
        receivedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture);

    /// <summary>The grid's sort as a queue order: no sort is the default priority order.</summary>
    internal static (QueueSort Sort, bool Descending) OrderOf(string? column, bool gridDescending) => column switch
    {
        nameof(QueueRow.Tier) => (QueueSort.Priority, gridDescending),
        nameof(QueueRow.Score) => (QueueSort.Score, !gridDescending),
        nameof(QueueRow.ReceivedAt) => (QueueSort.Received, gridDescending),
        _ => (QueueSort.Priority, false),
    };

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        CanBulkEdit = await Access.CanBulkEditAsync();
        scope = await Scopes.ForAsync((await AuthenticationState).User); // an investigator sees their own, their unit's and the unheld
        units = await Units.ListAsync();
        people = [.. (await Users.ListAsync()).Where(u => u.IsActive && u.Roles.Any(r => r is PortalRoles.Investigator or PortalRoles.Supervisor))];
        Navigation.LocationChanged += OnLocationChanged;
        ReadFilterFromUrl();
    }

    private static string ReasonsText(QueueRow row) =>
        row.Reasons.Count == 0 ? "No reasons recorded." : string.Join(" · ", row.Reasons.Select(r => r.Text));

    private string AssignedText(QueueRow row) => (row.AssigneeUserId, row.UnitId) switch
    {
        (null, null) => NotGiven,
        ({ } user, null) => PersonName(user),
        (null, { } unit) => UnitName(unit),
        ({ } user, { } unit) => $"{PersonName(user)}, {UnitName(unit)}",
    };

    private string PersonName(long id) => people.FirstOrDefault(p => p.Id == id)?.DisplayName ?? $"user {id}";

    private string UnitName(long id) => units.FirstOrDefault(u => u.Id == id)?.Name ?? $"unit {id}";

    private void ReadFilterFromUrl()
    {
        var uri = new Uri(Navigation.Uri);
        filter = QueueUrl.Parse(uri.Query, out var problems);
        filterIsEmpty = QueueUrl.ToQueryString(filter).Length == 0;
        edit.Load(filter);
        urlError = problems.Count == 0 ? null : string.Join(" ", problems);
    }

    private string? ErrorText => (urlError, loadError) switch
    {
        (null, null) => null,
        ({ } url, null) => url,
        (null, { } load) => load,
        ({ } url, { } load) => $"{url} {load}",
    };

    private async void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e)
    {
        await InvokeAsync(async () =>
        {
            ReadFilterFromUrl();
            selected = [];
            if (grid is not null)
            {
                await grid.ReloadServerData();
            }

            StateHasChanged();
        });
    }

    private void ApplyFilters() => Navigation.NavigateTo("/" + QueueUrl.ToQueryString(edit.ToFilter()));

    private Task ApplyFiltersAsync()
    {
        ApplyFilters();
        return Task.CompletedTask;
    }

    private Task ClearFiltersAsync()
    {
        Navigation.NavigateTo("/");
        return Task.CompletedTask;
    }

    private Task OnTextKeyDownAsync(KeyboardEventArgs args)
    {
        if (args.Key == "Enter")
        {
            ApplyFilters();
        }

        return Task.CompletedTask;
    }

    private void OpenReferral(DataGridRowClickEventArgs<QueueRow> args) => Navigation.NavigateTo($"/referrals/{args.Item.ReportId}");

    // The grid asks for one page at a time; only that page and the count cross from the store.
    private async Task<GridData<QueueRow>> LoadPageAsync(GridState<QueueRow> state, CancellationToken cancellationToken)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var (order, descending) = OrderOf(sort?.SortBy, sort?.Descending ?? false);
        var query = new QueueQuery(filter with { Scope = scope }, order, descending, state.Page * state.PageSize, state.PageSize);
        var problems = query.Problems();
        if (problems.Count > 0)
        {
            loaded = true;
            ShowError(string.Join(" ", problems));
            return new GridData<QueueRow> { Items = [], TotalItems = 0 };
        }

        try
        {
            var page = await Queue.PageAsync(query, cancellationToken);
            loaded = true;
            ShowError(null);
            return new GridData<QueueRow> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (DbException exception)
        {
            LogLoadFailed(Logger, exception);
            loaded = true;
            ShowError($"The referral store could not be read: {exception.Message}");
            return new GridData<QueueRow> { Items = [], TotalItems = 0 };
        }
    }

    private async Task AssignAsync() => await RunBulkAsync(
        "Assigned",
        async ids => await Queue.AssignAsync(ids, bulkUserId, bulkUnitId, await SignedInNameAsync()),
        Katalyst.Portal.Audit.AuditActions.Assigned,
        $"to {people.FirstOrDefault(p => p.Id == bulkUserId)?.UserName ?? "no person"}, unit {units.FirstOrDefault(u => u.Id == bulkUnitId)?.Code ?? "unchanged"} (bulk)");

    private async Task MarkReviewedAsync() => await RunBulkAsync(
        "Marked reviewed",
        async ids => await Queue.MarkReviewedAsync(ids, await SignedInNameAsync()),
        Katalyst.Portal.Audit.AuditActions.StatusChanged,
        "New -> In review (bulk)");

    // The bulk actions record each status move in the referral's history under this name, as the work panel does.
    private async Task<string> SignedInNameAsync() =>
        (await Authentication.GetAuthenticationStateAsync()).User.Identity?.Name ?? throw new InvalidOperationException("No user is signed in.");

    private async Task RunBulkAsync(string done, Func<IReadOnlyCollection<long>, Task<BulkOutcome>> action, string auditAction, string auditDetail)
    {
        if (!CanBulkEdit || selected.Count == 0)
        {
            return;
        }

        var outcome = await action(selected.Select(r => r.ReportId).ToList());
        foreach (var reportId in outcome.Changed)
        {
            await Audit.RecordAsync(auditAction, reportId.ToString(CultureInfo.InvariantCulture), auditDetail);
        }

        bulkMessage = $"{done}: {outcome.Changed.Count}. Refused: {outcome.Refused.Count}.";
        bulkRefusals = outcome.Refused;
        selected = [];
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private void ShowError(string? message)
    {
        if (message != loadError)
        {
            loadError = message;
            StateHasChanged();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;

    [LoggerMessage(Level = LogLevel.Error, Message = "The queue could not be read from the store")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}
