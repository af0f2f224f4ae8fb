using System.Globalization;
using Katalyst.Portal.Intake;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Katalyst.Portal.Components.Pages.Intake;

/// <summary>Upload packages from the browser and follow their imports.</summary>
public sealed partial class IntakePage
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);
    private Timer? timer;
    private bool uploading;
    private bool interactive;
    private string? uploadError;

    [Inject]
    private BackgroundImports Imports { get; set; } = default!;

    [Inject]
    private IOptions<UploadOptions> Options { get; set; } = default!;

    [Inject]
    private Katalyst.Portal.Audit.AuditLog Audit { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private long MaxBytes => Options.Value.MaxBytes;

    /// <inheritdoc />
    public void Dispose() => timer?.Dispose();

    /// <inheritdoc />
    protected override void OnInitialized() =>
        timer = new Timer(_ => InvokeAsync(StateHasChanged), null, Refresh, Refresh); // follows imports while the page is open

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            interactive = true;
            StateHasChanged();
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        uploadError = null;
        uploading = true;
        try
        {
            var who = AuthenticationState is null ? null : (await AuthenticationState).User.Identity?.Name;
            await using var content = file.OpenReadStream(MaxBytes);
            var job = await Imports.EnqueueAsync(content, file.Name, who ?? "unknown", CancellationToken.None);
            await Audit.RecordAsync(Katalyst.Portal.Audit.AuditActions.IntakeUploaded, file.Name, $"kept at {job.StoredPath}");
        }
        catch (UploadRefusedException ex)
        {
            uploadError = ex.Message;
        }
        catch (IOException ex)
        {
            uploadError = $"{file.Name} could not be uploaded: {ex.Message}";
        }
        finally
        {
            uploading = false;
        }
    }

    private static double PercentDone(ImportJob job) =>
        job.ExpectedPackages is > 0 and var expected ? Math.Min(100, 100.0 * job.Progress.Processed / expected) : 0;

    private static string Counts(ImportJob job) => string.Create(CultureInfo.InvariantCulture,
        $"{job.Progress.Processed:N0}{(job.ExpectedPackages is { } e ? $" of about {e:N0}" : "")} packages: {job.Progress.Imported:N0} imported, {job.Progress.Duplicates:N0} duplicates, {job.Progress.Conflicts:N0} conflicts, {job.Progress.Rejected:N0} rejected");

    private static Color StateColor(ImportJobState state) => state switch
    {
        ImportJobState.Finished => Color.Success,
        ImportJobState.Failed => Color.Error,
        ImportJobState.Running => Color.Info,
        _ => Color.Default,
    };
}
