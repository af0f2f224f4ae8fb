using System.Security.Claims;
using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Referrals.Store.Detail;
using Katalyst.Referrals.Store.Evidence;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Evidence;

/// <summary>
/// The evidence rules in one place, for the referral page and the media endpoint alike: who may see a file, whether
/// it is locked, revealing (audited) and recording legal authority (supervisors only, audited). Scoped.
/// </summary>
public sealed class EvidenceAccess(
    ReferralDetailQuery details,
    LegalAuthorityStore authorities,
    RevealLookup reveals,
    EvidenceGate gate,
    AuditLog audit,
    TimeProvider time,
    IOptions<EvidenceOptions> options)
{
    /// <summary>True when <paramref name="user"/> works referrals (Investigator or Supervisor).</summary>
    public static bool MayViewEvidence(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Investigator) || user.IsInRole(PortalRoles.Supervisor);

    /// <summary>Every file of a referral with its lock state; null when the referral is not stored.</summary>
    public async Task<IReadOnlyList<EvidenceFile>?> FilesAsync(long reportId, CancellationToken cancellationToken = default)
    {
        var detail = await details.GetAsync(reportId, cancellationToken);
        if (detail is null)
        {
            return null;
        }

        var authority = await authorities.GetAsync(reportId, cancellationToken);
        return [.. detail.Files.Select(f => new EvidenceFile(reportId, f, authority, gate.LockReason(f, authority)))];
    }

    /// <summary>One file of a referral with its lock state; null when the referral or the file is not stored.</summary>
    public async Task<EvidenceFile?> FileAsync(long reportId, string fileId, CancellationToken cancellationToken = default)
    {
        var files = await FilesAsync(reportId, cancellationToken);
        return files?.FirstOrDefault(f => string.Equals(f.File.FileId, fileId, StringComparison.Ordinal));
    }

    /// <summary>
    /// Reveals one file to the signed-in person: refused for a locked file or one without bytes, else recorded in the
    /// audit log (<see cref="AuditActions.MediaRevealed"/>), which is what opens the full image to them.
    /// </summary>
    /// <exception cref="EvidenceRefusedException">The person does not work referrals, or the file is locked, has no bytes or is not stored.</exception>
    public async Task RevealAsync(ClaimsPrincipal user, long reportId, string fileId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!MayViewEvidence(user))
        {
            throw new EvidenceRefusedException("Evidence is open to investigators and supervisors only.");
        }

        var file = await FileAsync(reportId, fileId, cancellationToken)
            ?? throw new EvidenceRefusedException($"Referral {reportId} has no file '{fileId}'.");
        if (file.LockReason is { } reason)
        {
            throw new EvidenceRefusedException(reason);
        }

        if (file.File.Sha256 is null)
        {
            throw new EvidenceRefusedException($"NCMEC did not forward the bytes of file '{fileId}': there is nothing to reveal.");
        }

        await audit.RecordAsync(AuditActions.MediaRevealed, file.AuditTarget, $"file {file.File.Name}", cancellationToken);
    }

    /// <summary>
    /// Withdraws the signed-in person's reveal of one file ("Blur again"): recorded in the audit log
    /// (<see cref="AuditActions.MediaRevealWithdrawn"/>), after which the full image is refused to them until they reveal it again.
    /// </summary>
    public Task WithdrawRevealAsync(long reportId, string fileId, CancellationToken cancellationToken = default) =>
        audit.RecordAsync(AuditActions.MediaRevealWithdrawn, EvidenceFile.RevealTarget(reportId, fileId), "blurred again", cancellationToken);

    /// <summary>
    /// True when <paramref name="userName"/> revealed this file within <see cref="EvidenceOptions.RevealMinutes"/> and has not
    /// withdrawn that reveal since (<see cref="WithdrawRevealAsync"/>).
    /// </summary>
    public Task<bool> RevealedRecentlyAsync(string userName, EvidenceFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var since = time.GetUtcNow().AddMinutes(-options.Value.RevealMinutes);
        return reveals.RevealOpenSinceAsync(userName, AuditActions.MediaRevealed, AuditActions.MediaRevealWithdrawn, file.AuditTarget, since, cancellationToken);
    }

    /// <summary>The referral's recorded legal authority; null when none.</summary>
    public Task<LegalAuthority?> AuthorityAsync(long reportId, CancellationToken cancellationToken = default) =>
        authorities.GetAsync(reportId, cancellationToken);

    /// <summary>Records legal authority for a referral as <paramref name="supervisor"/>, and audits it.</summary>
    /// <exception cref="EvidenceRefusedException">The person is not a supervisor.</exception>
    /// <exception cref="ArgumentException">The reference or note is empty or too long (the message names it).</exception>
    public async Task RecordAuthorityAsync(ClaimsPrincipal supervisor, long reportId, string reference, string note, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        if (!supervisor.IsInRole(PortalRoles.Supervisor) || supervisor.Identity?.Name is not { } userName)
        {
            throw new EvidenceRefusedException("Only a supervisor may record legal authority.");
        }

        var authority = new LegalAuthority(reportId, userName, time.GetUtcNow(), reference, note);
        await authorities.RecordAsync(authority, cancellationToken);
        await audit.RecordAsync(AuditActions.LegalAuthorityRecorded, reportId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"reference {reference.Trim()}", cancellationToken);
    }
}

/// <summary>The evidence rules refused an action; the message says why, for people.</summary>
public sealed class EvidenceRefusedException(string message) : Exception(message);
