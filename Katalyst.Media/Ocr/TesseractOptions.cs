using Microsoft.Extensions.Options;

namespace Katalyst.Media.Ocr;

/// <summary>How <see cref="TesseractReader"/> runs Debian's <c>tesseract</c> (configuration section <c>Media:Ocr</c>).</summary>
public sealed class TesseractOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string Section = "Media:Ocr";

    /// <summary>
    /// Whether the inference service's <c>Media.Analyze</c> reads text it found with Tesseract. Default true. Off, text is
    /// still found (detection) and the response's <c>ocr_problem</c> names this key. <see cref="TesseractReader"/> itself
    /// ignores it.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The program: a name found on PATH or a full path. Default <c>tesseract</c> (Debian's tesseract-ocr).</summary>
    public string Executable { get; set; } = "tesseract";

    /// <summary>
    /// Tesseract's languages, joined by <c>+</c>. Default <c>eng+urd</c>: English and Urdu in Naskh script (Debian's
    /// tesseract-ocr-eng and tesseract-ocr-urd).
    /// </summary>
    public string Languages { get; set; } = "eng+urd";

    /// <summary>Tesseract's page segmentation mode (<c>--psm</c>): 3 finds blocks itself, 6 reads one block (a crop). Default 3.</summary>
    public int PageSegmentationMode { get; set; } = 3;

    /// <summary>The most seconds one image may take before tesseract is stopped. Default 30.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Where the language files are (<c>--tessdata-dir</c>); empty for Tesseract's own default.</summary>
    public string TessdataFolder { get; set; } = "";
}

/// <summary>Checks <see cref="TesseractOptions"/> at start-up, naming the key that is wrong.</summary>
public sealed class TesseractOptionsValidator : IValidateOptions<TesseractOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TesseractOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Executable))
        {
            failures.Add($"{TesseractOptions.Section}:Executable is empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Languages)
            || options.Languages.Split('+').Any(l => l.Length == 0 || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
        {
            failures.Add($"{TesseractOptions.Section}:Languages must be Tesseract language codes joined by '+', e.g. eng+urd, not '{options.Languages}'.");
        }

        if (options.PageSegmentationMode is < 0 or > 13)
        {
            failures.Add($"{TesseractOptions.Section}:PageSegmentationMode must be 0 to 13, not {options.PageSegmentationMode}.");
        }

        if (options.TimeoutSeconds is <= 0 or > 3600 || double.IsNaN(options.TimeoutSeconds))
        {
            failures.Add($"{TesseractOptions.Section}:TimeoutSeconds must be above 0 and at most 3600, not {options.TimeoutSeconds}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
