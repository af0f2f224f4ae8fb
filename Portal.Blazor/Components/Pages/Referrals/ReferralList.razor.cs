using System.Data.Common;
using System.Globalization;
using Katalyst.Referrals.Store;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Katalyst.Portal.Components.Pages.Referrals;

/// <summary>The referral list: imported referrals newest first, paged on the server.</summary>
public sealed partial class ReferralList
{
    /// <summary>Rows per page when the page opens.</summary>
    internal const int DefaultPageSize = 25;

    // Shown where the referral left an optional field out.
    private const string NotGiven = "—";

    private static readonly int[] PageSizeOptions = [10, DefaultPageSize, 50, 100];

    private string? loadError;

    // False until the grid's first page has come back: the prerendered page has no data yet and must not
    // say "no referrals".
    private bool loaded;

    [Inject]
    private ReferralQueries Queries { get; set; } = default!;

    [Inject]
    private ILogger<ReferralList> Logger { get; set; } = default!;

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

    // The grid asks for one page at a time; only that page crosses from the store. A store that cannot
    // be read shows an error above the grid instead of an empty list that would read as "no referrals".
    private async Task<GridData<ReferralSummary>> LoadPageAsync(GridState<ReferralSummary> state, CancellationToken cancellationToken)
    {
        try
        {
            var page = await Queries.ListNewestFirstAsync(state.Page * state.PageSize, state.PageSize, cancellationToken);
            loaded = true;
            ShowError(null);
            return new GridData<ReferralSummary> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (DbException exception)
        {
            LogLoadFailed(Logger, exception);
            loaded = true;
            ShowError($"The referral store could not be read: {exception.Message}");
            return new GridData<ReferralSummary> { Items = [], TotalItems = 0 };
        }
    }

    // The alert lives outside the grid, so this page re-renders itself when the error comes or goes.
    private void ShowError(string? message)
    {
        if (message != loadError)
        {
            loadError = message;
            StateHasChanged();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The referral list could not be read from the store")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}
