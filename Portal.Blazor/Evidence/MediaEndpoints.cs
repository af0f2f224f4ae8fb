using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;

namespace Katalyst.Portal.Evidence;

/// <summary>
/// The only way evidence leaves the server: <c>GET /media/{reportId}/{fileId}/preview</c> (blurred greyscale
/// thumbnail) and <c>/full</c> (the bytes as received, only after that person revealed that file). Signed-out
/// requests go to sign-in (the fallback policy); other refusals are problem responses that say why.
/// </summary>
public static partial class MediaEndpoints
{
    /// <summary>Maps the two media endpoints.</summary>
    public static IEndpointRouteBuilder MapEvidenceMedia(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/media/{reportId:long}/{fileId}/preview", PreviewAsync);
        endpoints.MapGet("/media/{reportId:long}/{fileId}/full", FullAsync);
        return endpoints;
    }

    private static async Task<IResult> PreviewAsync(long reportId, string fileId, HttpContext context, EvidenceAccess access,
        EvidenceStore store, PreviewRenderer renderer, ILoggerFactory loggers)
    {
        var (file, refusal) = await OpenableAsync(reportId, fileId, context, access);
        if (refusal is not null)
        {
            return refusal;
        }

        byte[] png;
        await using (var bytes = store.OpenRead(file!.File.Sha256!))
        {
            try
            {
                png = renderer.Render(bytes) ?? renderer.Placeholder();
            }
            catch (PreviewRefusedException exception)
            {
                LogPreviewRefused(loggers.CreateLogger(typeof(MediaEndpoints)), reportId, fileId, exception.Message);
                return Refuse(StatusCodes.Status422UnprocessableEntity, "No preview", exception.Message);
            }
        }

        MediaResponses.SetHeaders(context.Response, MediaResponses.SafeFileName(reportId, fileId, "preview", "png"));
        return Results.File(png, "image/png");
    }

    private static async Task<IResult> FullAsync(long reportId, string fileId, HttpContext context, EvidenceAccess access, EvidenceStore store)
    {
        var (file, refusal) = await OpenableAsync(reportId, fileId, context, access);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!await access.RevealedRecentlyAsync(context.User.Identity!.Name!, file!, context.RequestAborted))
        {
            return Refuse(StatusCodes.Status403Forbidden, "Not revealed",
                $"File '{fileId}' of referral {reportId} has not been revealed by you recently: use its Reveal button on the referral page (each reveal is audited).");
        }

        var bytes = store.OpenRead(file!.File.Sha256!);
        var (contentType, extension) = MediaResponses.Sniff(bytes);
        MediaResponses.SetHeaders(context.Response, MediaResponses.SafeFileName(reportId, fileId, "full", extension));
        return Results.Stream(bytes, contentType);
    }

    // Role, referral, file, legal gating and bytes, in that order; the first that fails answers.
    private static async Task<(EvidenceFile? File, IResult? Refusal)> OpenableAsync(long reportId, string fileId, HttpContext context, EvidenceAccess access)
    {
        if (!EvidenceAccess.MayViewEvidence(context.User))
        {
            return (null, Refuse(StatusCodes.Status403Forbidden, "Not case work", "Evidence is open to investigators and supervisors only."));
        }

        var scopes = context.RequestServices.GetRequiredService<Access.ReferralScopes>();
        if (!await scopes.MaySeeAsync(context.User, reportId, context.RequestAborted))
        {
            return (null, Refuse(StatusCodes.Status403Forbidden, "Another unit's referral", $"Referral {reportId} is held by another unit: its evidence is not open to you."));
        }

        EvidenceFile? file;
        try
        {
            file = await access.FileAsync(reportId, fileId, context.RequestAborted);
        }
        catch (ReferralFormatException exception)
        {
            // The documents were valid when imported; one that no longer parses is a fault of the store, said plainly.
            // Where, not what: the reason may quote the referral's own values (the response names it to the signed-in user).
            LogReferralUnreadable(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MediaEndpoints)),
                reportId, fileId, exception.FileName, exception.LineNumber ?? 0, exception.Element ?? "");
            return (null, Refuse(StatusCodes.Status500InternalServerError, "Referral unreadable",
                $"Referral {reportId} is stored but its documents could not be read back, so file '{fileId}' cannot be served: {exception.Message}"));
        }

        if (file is null)
        {
            return (null, Refuse(StatusCodes.Status404NotFound, "No such file", $"Referral {reportId} has no file '{fileId}' in this store."));
        }

        if (file.LockReason is { } reason)
        {
            return (null, Refuse(StatusCodes.Status403Forbidden, "Locked", reason));
        }

        return file.File.Sha256 is null
            ? (null, Refuse(StatusCodes.Status404NotFound, "No bytes", $"NCMEC did not forward the bytes of file '{fileId}'."))
            : (file, null);
    }

    private static IResult Refuse(int status, string title, string reason) =>
        Results.Problem(title: title, detail: reason, statusCode: status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Preview of referral {ReportId} file {FileId} refused: {Reason}")]
    private static partial void LogPreviewRefused(ILogger logger, long reportId, string fileId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Media for referral {ReportId} file {FileId} refused: the stored referral could not be read back ({Document} line {LineNumber}, <{Element}>)")]
    private static partial void LogReferralUnreadable(ILogger logger, long reportId, string fileId, string document, int lineNumber, string element);
}
