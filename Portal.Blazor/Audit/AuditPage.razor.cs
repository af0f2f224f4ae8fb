using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Katalyst.Portal.Audit;

/// <summary>The audit log for auditors: filtered by user, action, target and date, paged in the store.</summary>
public sealed partial class AuditPage
{
    private MudDataGrid<AuditEntry>? grid;
    private string? user;
    private string? action;
    private string? target;
    private DateTime? from;
    private DateTime? to;
    private string? loadError;

    [Inject]
    private AuditLogStore Store { get; set; } = default!;

    /// <summary>The filters as a store search: dates are whole UTC days, <c>to</c> included.</summary>
    internal static AuditSearch ToSearch(string? user, string? action, string? target, DateTime? from, DateTime? to) => new(
        user,
        action,
        target,
        from is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f.Date, DateTimeKind.Utc)) : null,
        to is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t.Date.AddDays(1), DateTimeKind.Utc)) : null);

    private Task SearchAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task<GridData<AuditEntry>> LoadPageAsync(GridState<AuditEntry> state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Store.SearchAsync(ToSearch(user, action, target, from, to), state.Page * state.PageSize, state.PageSize, cancellationToken);
            loadError = null;
            return new GridData<AuditEntry> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            loadError = $"The audit log could not be read: {e.Message}";
            return new GridData<AuditEntry> { Items = [], TotalItems = 0 };
        }
    }
}
