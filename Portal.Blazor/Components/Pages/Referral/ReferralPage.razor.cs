using System.Data.Common;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Model;
using Katalyst.Referrals.Store.Detail;
using Microsoft.AspNetCore.Components;

namespace Katalyst.Portal.Components.Pages.Referral;

/// <summary>
/// One referral, read only: every section of the report in readable form, the score with its reasons, the files
/// and the linked reports. Referral text is untrusted and is only ever rendered as text.
/// </summary>
public sealed partial class ReferralPage
{
    private ReferralDetail? detail;
    private bool loaded;
    private string? loadError;

    /// <summary>The CyberTipline report number from the address.</summary>
    [Parameter]
    public long ReportId { get; set; }

    [Inject]
    private ReferralDetailQuery Query { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ILogger<ReferralPage> Logger { get; set; } = default!;

    [Inject]
    private Katalyst.Portal.Audit.AuditLog Audit { get; set; } = default!;

    [Inject]
    private Katalyst.Portal.Access.ReferralScopes Scopes { get; set; } = default!;

    [CascadingParameter]
    private Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>
    /// The report whose opening is already in the audit log for this visit: set while prerendering and carried into
    /// the interactive render, so one visit is one entry (a visit within the app, with no prerender, records its own).
    /// </summary>
    [PersistentState]
    public long? AuditedReportId { get; set; }

    /// <summary>The names under which the reported persons can appear as chat senders.</summary>
    internal static IReadOnlyCollection<string> ReportedNames(EspReport report) =>
        [.. report.PersonsOrUsersReported
            .SelectMany(p => new[] { p.Account.ScreenName, p.Account.EspIdentifier, p.Person?.FirstName }.Concat(p.Account.DisplayNames))
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Select(n => n!.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        loaded = false;
        loadError = null;
        detail = null;
        if (ReportId <= 0)
        {
            // No report has such a number: the not-found page says so without asking the store.
            loaded = true;
            Navigation.NotFound();
            return;
        }

        try
        {
            if (!await Scopes.MaySeeAsync((await AuthenticationState).User, ReportId))
            {
                // Another unit's referral: say so, and show none of it.
                loadError = $"Referral {ReportId} is held by another unit. Ask a supervisor if it should be yours.";
                loaded = true;
                return;
            }

            detail = await Query.GetAsync(ReportId);
            if (detail is null)
            {
                // 404 with the router's NotFoundPage, which keeps the friendly message (ReferralNotFound).
                loaded = true;
                Navigation.NotFound();
                return;
            }

            if (AuditedReportId != ReportId)
            {
                await Audit.RecordAsync(Katalyst.Portal.Audit.AuditActions.ReferralOpened, ReportId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                AuditedReportId = ReportId;
            }
        }
        catch (DbException exception)
        {
            LogLoadFailed(Logger, ReportId, exception);
            loadError = $"The referral store could not be read: {exception.Message}";
        }
        catch (ReferralFormatException exception)
        {
            // The stored documents were valid when imported; one that no longer parses is reported, not hidden. The log says
            // where, not what: the reason may quote the referral's own values.
            LogUnreadable(Logger, ReportId, exception.FileName, exception.LineNumber ?? 0, exception.Element ?? "");
            loadError = $"Referral {ReportId} is stored but could not be read back: {exception.Message}";
        }

        loaded = true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Referral {ReportId} could not be read from the store")]
    private static partial void LogLoadFailed(ILogger logger, long reportId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Referral {ReportId} is stored but could not be read back ({Document} line {LineNumber}, <{Element}>)")]
    private static partial void LogUnreadable(ILogger logger, long reportId, string document, int lineNumber, string element);
}
