using System.ComponentModel.DataAnnotations;

namespace Katalyst.Portal.Evidence;

/// <summary>
/// How the portal shows evidence (section <c>Evidence</c>): the legal gating rule of triage-policy.md, how long one
/// reveal opens a file, and the limits on previews. Validated at start.
/// </summary>
public sealed class EvidenceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Evidence";

    /// <summary>Lock a file the ESP says it did not view until a supervisor records legal authority. Default true.</summary>
    public bool RequireAuthorityWhenEspDidNotView { get; set; } = true;

    /// <summary>Lock a file whose viewing by the ESP is not stated, likewise. Default true.</summary>
    public bool RequireAuthorityWhenViewedUnknown { get; set; } = true;

    /// <summary>How long, in minutes, one reveal lets that person load that file's full image. Default 10.</summary>
    [Range(1, 24 * 60, ErrorMessage = "Evidence:RevealMinutes must be between 1 and 1440.")]
    public int RevealMinutes { get; set; } = 10;

    /// <summary>The longest side of a preview thumbnail, in pixels. Default 256.</summary>
    [Range(32, 1024, ErrorMessage = "Evidence:PreviewMaxSide must be between 32 and 1024.")]
    public int PreviewMaxSide { get; set; } = 256;

    /// <summary>
    /// The most pixels (width × height, as the image header declares them) a preview will decode; larger images are
    /// refused before decoding (decompression bombs). Default 50 megapixels.
    /// </summary>
    [Range(1, 1_000_000_000, ErrorMessage = "Evidence:MaxPreviewPixels must be between 1 and 1,000,000,000.")]
    public long MaxPreviewPixels { get; set; } = 50_000_000;
}
