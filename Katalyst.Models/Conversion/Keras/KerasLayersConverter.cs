using Katalyst.Models.TfJs;
using Katalyst.Scoring.Onnx;

namespace Katalyst.Models.Conversion.Keras;

/// <summary>
/// Converts a TF.js Keras layers model (nsfwjs's MobileNetV2 and InceptionV3) to ONNX, keeping NHWC. Supported layers:
/// InputLayer, ZeroPadding2D, Conv2D, DepthwiseConv2D, BatchNormalization (folded into Mul + Add), ReLU, Activation,
/// Add, Concatenate, AveragePooling2D, MaxPooling2D, GlobalAveragePooling2D, Flatten, Dense and Dropout (identity).
/// Any other layer or option is refused with the layer named.
/// </summary>
public static class KerasLayersConverter
{
    /// <summary>
    /// The ONNX graph of <paramref name="model"/>: one input named <paramref name="inputName"/> and one output per entry of
    /// <paramref name="outputs"/> (Keras layer name → ONNX output name; a hidden layer such as <c>flatten_1</c> may be one).
    /// </summary>
    public static OnnxGraph Convert(TfJsModel model, string graphName, string inputName, IReadOnlyList<(string Layer, string Output)> outputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(outputs);
        if (model.Json.Format != TfJsModelFormat.Layers)
        {
            throw new InvalidDataException($"{model.Json.Source} is a {model.Json.Format} model, not a Keras layers model.");
        }

        var (layers, _) = KerasLayer.Parse(model.Json.Topology, model.Json.Source);
        var graph = new NhwcGraph(graphName);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var inputs = 0;
        foreach (var layer in layers)
        {
            var read = layer.Inputs.Select(i => values.TryGetValue(i, out var v) ? v : throw new InvalidDataException(
                $"{model.Json.Source}: layer '{layer.Name}' reads '{i}', which no earlier layer produces.")).ToList();
            if (layer.ClassName == "InputLayer" && ++inputs > 1)
            {
                throw new InvalidDataException($"{model.Json.Source}: layer '{layer.Name}' is a second InputLayer; only one input is supported.");
            }

            values[layer.Name] = KerasLayerOps.Emit(graph, model, layer, read, inputName);
        }

        foreach (var (layer, output) in outputs)
        {
            graph.Output(values.TryGetValue(layer, out var value) ? value : throw new InvalidDataException($"{model.Json.Source}: no layer named '{layer}' to expose as output '{output}'."), output);
        }

        return graph.Graph;
    }
}
