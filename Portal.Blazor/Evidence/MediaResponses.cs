using System.Text;
using SkiaSharp;

namespace Katalyst.Portal.Evidence;

/// <summary>What every media response carries: no caching anywhere, no sniffing, inline with a name made safe here.</summary>
public static class MediaResponses
{
    /// <summary>Sets no-store caching, nosniff and <c>Content-Disposition: inline</c> with <see cref="SafeFileName"/>.</summary>
    public static void SetHeaders(HttpResponse response, string fileName)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.CacheControl = "no-store, no-cache, max-age=0";
        headers.Pragma = "no-cache";
        headers.Expires = "0";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
    }

    /// <summary>
    /// A name for the response built from the report number, the file id and the kind, never the ESP's own name:
    /// ASCII letters, digits, dot, dash and underscore only, e.g. <c>katalyst-123-f1-preview.png</c>.
    /// </summary>
    public static string SafeFileName(long reportId, string fileId, string suffix, string extension)
    {
        ArgumentNullException.ThrowIfNull(fileId);
        var id = new StringBuilder(fileId.Length);
        foreach (var c in fileId.Take(64))
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return FormattableString.Invariant($"katalyst-{reportId}-{id}-{suffix}.{extension}");
    }

    /// <summary>
    /// The content type and extension of the bytes, from their own header (Skia's codec reads it, decoding nothing);
    /// <c>application/octet-stream</c> and <c>bin</c> for anything not a known image.
    /// </summary>
    public static (string ContentType, string Extension) Sniff(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var start = content.Position;
        try
        {
            using var codec = SKCodec.Create(new SKManagedStream(content, disposeManagedStream: false));
            return codec?.EncodedFormat switch
            {
                SKEncodedImageFormat.Png => ("image/png", "png"),
                SKEncodedImageFormat.Jpeg => ("image/jpeg", "jpg"),
                SKEncodedImageFormat.Gif => ("image/gif", "gif"),
                SKEncodedImageFormat.Webp => ("image/webp", "webp"),
                SKEncodedImageFormat.Bmp => ("image/bmp", "bmp"),
                _ => ("application/octet-stream", "bin"),
            };
        }
        finally
        {
            content.Position = start;
        }
    }
}
