using System.Globalization;
using Katalyst.Media.Decoding;
using Katalyst.Media.ExternalTools;
using Katalyst.Media.Text;
using Microsoft.Extensions.Options;

namespace Katalyst.Media.Ocr;

/// <summary>
/// Reads text in images with Debian's <c>tesseract</c> run as a process (no Tesseract package is served on NuGet): the
/// image goes in on standard input and the words come back as tsv on standard output, so no file is written; each run
/// has a time limit. Before the first read it checks that the program and every configured language are installed, and
/// fails naming the Debian package otherwise. Thread-safe; each read is its own process.
/// </summary>
public sealed class TesseractReader
{
    private const string ProgramPackage = "tesseract-ocr";

    private readonly TesseractOptions options;
    private readonly Lazy<Task> installed;

    /// <summary>A reader with the given options (checked: a bad value throws naming the key).</summary>
    public TesseractReader(IOptions<TesseractOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new TesseractOptionsValidator().Validate(null, options.Value);
        if (result.Failed)
        {
            throw new OptionsValidationException(TesseractOptions.Section, typeof(TesseractOptions), result.Failures);
        }

        this.options = options.Value;
        installed = new Lazy<Task>(() => CheckInstalledAsync(CancellationToken.None));
    }

    /// <summary>A reader with the default options (English and Urdu).</summary>
    public TesseractReader()
        : this(Options.Create(new TesseractOptions()))
    {
    }

    /// <summary>Reads the text of an encoded image (PNG, JPEG, BMP, TIFF, ... as Tesseract's Leptonica reads them).</summary>
    /// <exception cref="MissingToolException">tesseract or a configured language is not installed; the message names the Debian package.</exception>
    /// <exception cref="TimeoutException">tesseract ran past <see cref="TesseractOptions.TimeoutSeconds"/>.</exception>
    /// <exception cref="InvalidDataException">tesseract could not read the image; the message carries its error.</exception>
    public async Task<OcrText> ReadAsync(ReadOnlyMemory<byte> encodedImage, CancellationToken cancellationToken = default)
    {
        if (encodedImage.IsEmpty)
        {
            throw new ArgumentException("The image is empty.", nameof(encodedImage));
        }

        await installed.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var arguments = new List<string> { "stdin", "stdout", "-l", options.Languages, "--psm", options.PageSegmentationMode.ToString(CultureInfo.InvariantCulture) };
        if (options.TessdataFolder.Length > 0)
        {
            arguments.AddRange(["--tessdata-dir", options.TessdataFolder]);
        }

        arguments.Add("tsv");
        var result = await RunAsync(arguments, encodedImage, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidDataException($"tesseract could not read the image (exit {result.ExitCode}): {Summary(result.StandardError)}");
        }

        return TesseractTsv.Parse(result.StandardOutput);
    }

    /// <summary>Reads the text of a decoded image, or of one <paramref name="region"/> of it (e.g. one the text detector found).</summary>
    /// <inheritdoc cref="ReadAsync(ReadOnlyMemory{byte}, CancellationToken)" path="/exception"/>
    public Task<OcrText> ReadAsync(DecodedImage image, TextRegion? region = null, CancellationToken cancellationToken = default) =>
        ReadAsync(PngCrop.Encode(image, region), cancellationToken);

    /// <summary>Checks that tesseract runs and has every configured language.</summary>
    /// <exception cref="MissingToolException">Something is missing; the message names the Debian package.</exception>
    public async Task CheckInstalledAsync(CancellationToken cancellationToken = default)
    {
        var arguments = new List<string> { "--list-langs" };
        if (options.TessdataFolder.Length > 0)
        {
            arguments.InsertRange(0, ["--tessdata-dir", options.TessdataFolder]);
        }

        var result = await RunAsync(arguments, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        // Tesseract 5 lists the languages on standard output, older ones on standard error: read both.
        var listed = (result.StandardOutput + "\n" + result.StandardError)
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(line => !line.StartsWith("List of available languages", StringComparison.Ordinal))
            .Skip(1)
            .ToHashSet(StringComparer.Ordinal);
        if (result.ExitCode != 0)
        {
            throw new MissingToolException($"'{options.Executable}' (tesseract --list-langs exited {result.ExitCode}: {Summary(result.StandardError)})", ProgramPackage);
        }

        foreach (var language in options.Languages.Split('+'))
        {
            if (!listed.Contains(language))
            {
                throw new MissingToolException($"Tesseract's language '{language}' ({TesseractOptions.Section}:Languages)", LanguagePackage(language));
            }
        }
    }

    /// <summary>The Debian package of a Tesseract language: <c>tesseract-ocr-</c> and the code, lower case, '_' as '-'.</summary>
    public static string LanguagePackage(string language) =>
        "tesseract-ocr-" + language.ToLowerInvariant().Replace('_', '-');

    private Task<ToolResult> RunAsync(IEnumerable<string> arguments, ReadOnlyMemory<byte> input, CancellationToken cancellationToken) =>
        // One thread per tesseract: its OpenMP threads would otherwise fight the service's own for the cores.
        ToolRun.RunAsync(options.Executable, arguments, input, TimeSpan.FromSeconds(options.TimeoutSeconds), ProgramPackage,
            new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1" }, cancellationToken);

    private static string Summary(string error) =>
        string.Join(" | ", error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(5));
}
