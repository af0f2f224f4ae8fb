using Microsoft.Extensions.Options;

namespace Katalyst.Media.Text;

/// <summary>
/// Pre- and post-processing of <see cref="TextDetector"/> (configuration section <c>Media:TextDetection</c>). The defaults are
/// PaddleOCR's own for PP-OCRv4 detection (<c>det_limit_side_len</c> 960, <c>det_db_thresh</c> 0.3,
/// <c>det_db_box_thresh</c> 0.6, <c>det_db_unclip_ratio</c> 1.5, <c>max_candidates</c> 1000, <c>min_size</c> 3).
/// </summary>
public sealed class TextDetectionOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Media:TextDetection";

    /// <summary>The longest side fed to the model; larger images are shrunk (never enlarged) before sides are rounded to multiples of 32. Default 960.</summary>
    public int MaxSide { get; set; } = 960;

    /// <summary>A pixel of the probability map above this is text. Default 0.3.</summary>
    public float PixelThreshold { get; set; } = 0.3f;

    /// <summary>A region whose mean probability over its box is below this is dropped. Default 0.6.</summary>
    public float BoxThreshold { get; set; } = 0.6f;

    /// <summary>A region whose shorter side (in model pixels) is under this is dropped. Default 3.</summary>
    public int MinSide { get; set; } = 3;

    /// <summary>How far a box is grown, as PaddleOCR's unclip does: by area x ratio / perimeter on every side; 0 keeps the shrunk box. Default 1.5.</summary>
    public float UnclipRatio { get; set; } = 1.5f;

    /// <summary>The most regions kept from one image (the largest first). Default 1000.</summary>
    public int MaxRegions { get; set; } = 1000;

    /// <summary>The most images of one input size run in one model call by <c>TextDetector.DetectBatch</c>. Default 32.</summary>
    public int MaxBatch { get; set; } = 32;
}

/// <summary>Checks <see cref="TextDetectionOptions"/> at start-up, naming the key that is wrong.</summary>
public sealed class TextDetectionOptionsValidator : IValidateOptions<TextDetectionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TextDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Check(bool ok, string key, object value, string rule)
        {
            if (!ok)
            {
                failures.Add($"{TextDetectionOptions.Section}:{key} must be {rule}, not {value}.");
            }
        }

        Check(options.MaxSide is >= 32 and <= 8192, nameof(options.MaxSide), options.MaxSide, "32 to 8192");
        Check(options.PixelThreshold is > 0 and < 1, nameof(options.PixelThreshold), options.PixelThreshold, "between 0 and 1");
        Check(options.BoxThreshold is >= 0 and <= 1, nameof(options.BoxThreshold), options.BoxThreshold, "0 to 1");
        Check(options.MinSide is >= 1 and <= 1000, nameof(options.MinSide), options.MinSide, "1 to 1000");
        Check(options.UnclipRatio is >= 0 and <= 10, nameof(options.UnclipRatio), options.UnclipRatio, "0 to 10");
        Check(options.MaxRegions is >= 1 and <= 100_000, nameof(options.MaxRegions), options.MaxRegions, "1 to 100000");
        Check(options.MaxBatch is >= 1 and <= 256, nameof(options.MaxBatch), options.MaxBatch, "1 to 256");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
