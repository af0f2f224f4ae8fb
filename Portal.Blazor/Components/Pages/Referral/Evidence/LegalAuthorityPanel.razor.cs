using Katalyst.Portal.Evidence;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Katalyst.Portal.Components.Pages.Referral.Evidence;

/// <summary>
/// Legal gating on the referral page: how many files are locked and why, the authority in force, and for supervisors
/// the form recording it (reference and note both required; audited by <see cref="EvidenceAccess"/>).
/// </summary>
public sealed partial class LegalAuthorityPanel
{
    private string? reference;
    private string? note;
    private string? formError;
    private bool saving;

    /// <summary>The referral. Required.</summary>
    [Parameter, EditorRequired]
    public long ReportId { get; set; }

    /// <summary>The referral's files with their lock state. Default empty.</summary>
    [Parameter]
    public IReadOnlyList<EvidenceFile> Files { get; set; } = [];

    /// <summary>Called after authority is recorded, so the files can be read again. Default none.</summary>
    [Parameter]
    public EventCallback OnRecorded { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private EvidenceAccess Access { get; set; } = default!;

    private async Task RecordAsync()
    {
        formError = null;
        if (string.IsNullOrWhiteSpace(reference) || string.IsNullOrWhiteSpace(note))
        {
            formError = string.IsNullOrWhiteSpace(reference)
                ? "Enter the authority reference (e.g. the warrant number)."
                : "Enter a note: the court, the scope, anything a reviewer must know.";
            return;
        }

        saving = true;
        try
        {
            var user = (await AuthenticationState!).User;
            await Access.RecordAuthorityAsync(user, ReportId, reference, note);
            reference = note = null;
            await OnRecorded.InvokeAsync();
        }
        catch (Exception exception) when (exception is EvidenceRefusedException or ArgumentException or KeyNotFoundException)
        {
            formError = exception.Message;
        }
        finally
        {
            saving = false;
        }
    }
}
