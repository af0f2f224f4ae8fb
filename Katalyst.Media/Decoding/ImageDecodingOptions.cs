using Microsoft.Extensions.Options;

namespace Katalyst.Media.Decoding;

/// <summary>Limits on what <see cref="ImageDecoder"/> will decode (configuration section <c>Media:Decoding</c>).</summary>
public sealed class ImageDecodingOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Media:Decoding";

    /// <summary>
    /// The most pixels (width x height, as the header declares them) an image may have; larger ones are refused before
    /// any pixel is decoded, so a small file declaring a huge image cannot exhaust memory. Default 100 megapixels.
    /// </summary>
    public long MaxPixels { get; set; } = 100_000_000;
}

/// <summary>Checks <see cref="ImageDecodingOptions"/> at start-up, naming the key that is wrong.</summary>
public sealed class ImageDecodingOptionsValidator : IValidateOptions<ImageDecodingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ImageDecodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxPixels < 1 || options.MaxPixels > Array.MaxLength / 4
            ? ValidateOptionsResult.Fail($"{ImageDecodingOptions.Section}:MaxPixels must be 1 to {Array.MaxLength / 4}, not {options.MaxPixels}.")
            : ValidateOptionsResult.Success;
    }
}
