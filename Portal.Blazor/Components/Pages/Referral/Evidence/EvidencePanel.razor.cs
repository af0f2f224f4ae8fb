using Katalyst.Portal.Evidence;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Katalyst.Portal.Components.Pages.Referral.Evidence;

/// <summary>
/// The files of one referral as evidence: previews blurred and greyscale by default, one deliberate click to reveal a
/// file (audited; only then does the media endpoint serve it to this person), a button to blur it again, and locked
/// files that say why. Every rule is checked again on the server by <see cref="EvidenceAccess"/> and the endpoint.
/// </summary>
public sealed partial class EvidencePanel
{
    private readonly HashSet<string> revealed = new(StringComparer.Ordinal);
    private IReadOnlyList<EvidenceFile>? files;
    private string? error;
    private bool busy;

    /// <summary>The referral whose files are shown. Required.</summary>
    [Parameter, EditorRequired]
    public long ReportId { get; set; }

    [Inject]
    private EvidenceAccess Access { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        revealed.Clear();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        error = null;
        files = await Access.FilesAsync(ReportId) ?? [];
    }

    private static bool IsImage(EvidenceFile file) => file.File.Type.StartsWith("image", StringComparison.Ordinal);

    private static string MediaUrl(EvidenceFile file, string kind) =>
        FormattableString.Invariant($"media/{file.ReportId}/{Uri.EscapeDataString(file.File.FileId)}/{kind}");

    private async Task RevealAsync(EvidenceFile file)
    {
        busy = true;
        error = null;
        try
        {
            var user = AuthenticationState is null ? new System.Security.Claims.ClaimsPrincipal() : (await AuthenticationState).User;
            await Access.RevealAsync(user, file.ReportId, file.File.FileId);
            revealed.Add(file.File.FileId);
        }
        catch (EvidenceRefusedException refused)
        {
            error = refused.Message;
        }
        finally
        {
            busy = false;
        }
    }

    // Blurring again withdraws the reveal on the server too (audited), so the full image is refused from then on; the
    // card blurs once the withdrawal is recorded, so a blurred card never means a file still open at its address.
    private async Task ReblurAsync(EvidenceFile file)
    {
        busy = true;
        try
        {
            await Access.WithdrawRevealAsync(file.ReportId, file.File.FileId);
            revealed.Remove(file.File.FileId);
        }
        finally
        {
            busy = false;
        }
    }
}
