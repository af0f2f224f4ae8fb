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
    /// <summary>Converts <paramref name="model"/> from <paramref name="package"/> (already fetched and verified).</summary>
    /// <exception cref="InvalidDataException">The package's model cannot be read or holds something unsupported; the message names it.</exception>
    public static ConvertedModel Convert(MediaModel model, FetchedPackage package)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(package);
        var clock = Stopwatch.StartNew();
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
