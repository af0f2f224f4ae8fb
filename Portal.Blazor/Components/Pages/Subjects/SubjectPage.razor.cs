using System.Data.Common;
using System.Globalization;
using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Linking.Subjects;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Components.Pages.Subjects;

/// <summary>
/// One subject: its referrals (those outside the reader's scope counted, not listed), the links between them with
/// the identifier behind each, its identifiers, and those ignored as too common with their count and threshold.
/// Each opening is audited.
/// </summary>
public sealed partial class SubjectPage
{
    private ScopedSubject? subject;
    private bool loaded;
    private string? loadError;

    /// <summary>The subject number from the address.</summary>
    [Parameter]
    public long SubjectId { get; set; }

    /// <summary>The subject whose opening is already audited for this visit (carried from prerender, as the referral page does).</summary>
    [PersistentState]
    public long? AuditedSubjectId { get; set; }

    [Inject]
    private SubjectViewQuery Query { get; set; } = default!;

    [Inject]
    private ReferralScopes Scopes { get; set; } = default!;

    [Inject]
    private AuditLog Audit { get; set; } = default!;

    [Inject]
    private IOptions<LinkingOptions> Linking { get; set; } = default!;

    [Inject]
    private ILogger<SubjectPage> Logger { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>"1 referral", "3 referrals".</summary>
    internal static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>The line that says an identifier was ignored and why.</summary>
    internal static string IgnoredLine(IgnoredIdentifierLine line) =>
        $"{KindName(line.Kind)} {line.Value} was ignored: carried by {Plural(line.ReferralCount, "referral")}, "
        + (line.Threshold == 0 ? "and this kind never links on its own (threshold 0)." : $"above the threshold of {line.Threshold}.");

    /// <summary>An identifier kind as people read it.</summary>
    internal static string KindName(string kind) => kind switch
    {
        IdentifierKinds.Email => "e-mail",
        IdentifierKinds.Ip => "IP address",
        IdentifierKinds.Sha256 => "SHA-256",
        IdentifierKinds.Md5 => "MD5",
        IdentifierKinds.Imei => "IMEI",
        IdentifierKinds.Iccid => "ICCID",
        IdentifierKinds.Pdq => "PDQ hash",
        IdentifierKinds.CtReport => "CyberTipline report",
        _ => kind.Replace('-', ' '),
    };

    private static string Holder(SubjectMember member) =>
        string.Join(", ", new[] { member.AssigneeName, member.UnitCode is null ? null : $"unit {member.UnitCode}" }.Where(h => h is not null)) is { Length: > 0 } held
            ? held : "no one yet";

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        loaded = false;
        loadError = null;
        subject = null;
        try
        {
            var user = (await AuthenticationState).User;
            var view = await Query.GetAsync(SubjectId);
            if (view is not null)
            {
                subject = ScopedSubject.Of(view, await Scopes.ForAsync(user), Linking.Value);
            }

            if (AuditedSubjectId != SubjectId)
            {
                var detail = subject is null ? "not stored" : $"{subject.Members.Count} shown, {subject.HiddenCount} held elsewhere";
                await Audit.RecordAsync(AuditActions.SubjectOpened, SubjectId.ToString(CultureInfo.InvariantCulture), detail);
                AuditedSubjectId = SubjectId;
            }
        }
        catch (DbException exception)
        {
            LogLoadFailed(Logger, SubjectId, exception);
            loadError = $"The subject could not be read from the store: {exception.Message}";
        }

        loaded = true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Subject {SubjectId} could not be read from the store")]
    private static partial void LogLoadFailed(ILogger logger, long subjectId, Exception exception);
}
