using Katalyst.Models.TfJs;
using Katalyst.Scoring.Onnx;

namespace Katalyst.Models.Conversion.Keras;

/// <summary>The ONNX nodes of each supported Keras layer; every method returns the layer's output value.</summary>
internal static class KerasLayerOps
{
    public static string Emit(NhwcGraph graph, TfJsModel model, KerasLayer layer, IReadOnlyList<string> inputs, string inputName)
    {
        string Single() => inputs.Count == 1 ? inputs[0] : throw new InvalidDataException($"Layer '{layer.Name}' ({layer.ClassName}) reads {inputs.Count} inputs; expected one.");
        return layer.ClassName switch
        {
            "InputLayer" => Input(graph, layer, inputName),
            "ZeroPadding2D" => ZeroPadding(graph, layer, Single()),
            "Conv2D" => Conv(graph, model, layer, Single(), depthwise: false),
            "DepthwiseConv2D" => Conv(graph, model, layer, Single(), depthwise: true),
            "BatchNormalization" => BatchNormalization(graph, model, layer, Single()),
            "ReLU" => Relu(graph, layer, Single()),
            "Activation" => graph.Activation(Single(), layer.Name, layer.String("activation")),
            "Add" => Add(graph, layer, inputs),
            "Concatenate" => Concatenate(graph, layer, inputs),
            "AveragePooling2D" => Pool(graph, layer, Single(), "AveragePool"),
            "MaxPooling2D" => Pool(graph, layer, Single(), "MaxPool"),
            "GlobalAveragePooling2D" => GlobalAverage(graph, Single(), layer),
            "Flatten" => Flatten(graph, Single(), layer),
            "Dense" => Dense(graph, model, layer, Single()),
            // Dropout only acts in training.
            "Dropout" => Single(),
            _ => throw new InvalidDataException($"Layer '{layer.Name}' is a {layer.ClassName}, which the converter does not support."),
        };
    }

    private static string Input(NhwcGraph graph, KerasLayer layer, string inputName)
    {
        var shape = layer.Config["batch_input_shape"] as System.Text.Json.Nodes.JsonArray ?? throw layer.Bad("batch_input_shape", "[null, H, W, C]");
        if (shape.Count != 4)
        {
            throw layer.Bad("batch_input_shape", "a rank-4 NHWC shape");
        }

        return graph.Input(inputName, [.. shape.Select(d => d is null ? -1 : (int)d)]);
    }

    private static string ZeroPadding(NhwcGraph graph, KerasLayer layer, string input)
    {
        CheckChannelsLast(layer);
        var ((top, bottom), (left, right)) = layer.Config["padding"] switch
        {
            System.Text.Json.Nodes.JsonArray { Count: 2 } p when p[0] is System.Text.Json.Nodes.JsonArray h && p[1] is System.Text.Json.Nodes.JsonArray w
                => (((int)h[0]!, (int)h[1]!), ((int)w[0]!, (int)w[1]!)),
            // An integer or [h, w]: the same padding on both sides of each axis.
            _ => layer.Pair("padding") is var (h, w) ? ((h, h), (w, w)) : default,
        };
        var s = graph.Shape(input);
        var pads = graph.ConstInt64($"{layer.Name}/pads", [0, top, left, 0, 0, bottom, right, 0], 8);
        return graph.Node("Pad", layer.Name, [s[0], s[1] + top + bottom, s[2] + left + right, s[3]], [input, pads]);
    }

    private static string Conv(NhwcGraph graph, TfJsModel model, KerasLayer layer, string input, bool depthwise)
    {
        CheckChannelsLast(layer);
        var kernel = model.Weight($"{layer.Name}/{(depthwise ? "depthwise_kernel" : "kernel")}");
        var (weights, dims) = depthwise ? Kernels.DepthwiseToGrouped(kernel.RequireFloats(), kernel.Shape) : Kernels.HwioToOihw(kernel.RequireFloats(), kernel.Shape);
        var bias = layer.Bool("use_bias", true) ? model.Weight($"{layer.Name}/bias").RequireFloats() : null;
        var channels = graph.Shape(input)[3];
        var group = depthwise ? kernel.Shape[2] : 1;
        if (channels != kernel.Shape[2])
        {
            throw new InvalidDataException($"Layer '{layer.Name}': its kernel expects {kernel.Shape[2]} input channels but its input has {channels}.");
        }

        var activation = layer.String("activation", "linear");
        var output = activation == "linear" ? layer.Name : $"{layer.Name}/linear";
        var conv = graph.Conv(input, output, weights, dims, bias, group, layer.Pair("strides", (1, 1)), layer.Pair("dilation_rate", (1, 1)), Same(layer));
        return graph.Activation(conv, layer.Name, activation);
    }

    private static string BatchNormalization(NhwcGraph graph, TfJsModel model, KerasLayer layer, string input)
    {
        var axis = (int)layer.Number("axis", -1);
        if (axis is not (-1 or 3))
        {
            throw layer.Bad("axis", "-1 or 3 (channels last)");
        }

        // y = (x - mean) / sqrt(var + eps) * gamma + beta  ==  x * s + (beta - mean * s), s = gamma / sqrt(var + eps).
        var epsilon = layer.Number("epsilon", 1e-3);
        var mean = model.Weight($"{layer.Name}/moving_mean").RequireFloats();
        var variance = model.Weight($"{layer.Name}/moving_variance").RequireFloats();
        var gamma = layer.Bool("scale", true) ? model.Weight($"{layer.Name}/gamma").RequireFloats() : null;
        var beta = layer.Bool("center", true) ? model.Weight($"{layer.Name}/beta").RequireFloats() : null;
        var scale = new float[mean.Length];
        var shift = new float[mean.Length];
        for (var c = 0; c < mean.Length; c++)
        {
            var s = (gamma?[c] ?? 1.0) / Math.Sqrt(variance[c] + epsilon);
            scale[c] = (float)s;
            shift[c] = (float)((beta?[c] ?? 0.0) - mean[c] * s);
        }

        var shape = graph.Shape(input);
        var scaled = graph.Node("Mul", $"{layer.Name}/scaled", shape, [input, graph.Const($"{layer.Name}/scale", scale, scale.Length)]);
        return graph.Node("Add", layer.Name, shape, [scaled, graph.Const($"{layer.Name}/shift", shift, shift.Length)]);
    }

    private static string Relu(NhwcGraph graph, KerasLayer layer, string input)
    {
        if (layer.Number("negative_slope", 0) != 0 || layer.Number("threshold", 0) != 0)
        {
            throw new InvalidDataException($"Layer '{layer.Name}' (ReLU): negative_slope and threshold other than 0 are not supported.");
        }

        return layer.Config["max_value"] is null
            ? graph.Node("Relu", layer.Name, graph.Shape(input), input)
            : graph.Clip(input, layer.Name, 0, (float)layer.Number("max_value"));
    }

    private static string Add(NhwcGraph graph, KerasLayer layer, IReadOnlyList<string> inputs)
    {
        if (inputs.Count < 2)
        {
            throw new InvalidDataException($"Layer '{layer.Name}' (Add) reads {inputs.Count} input; expected two or more.");
        }

        var sum = inputs[0];
        for (var i = 1; i < inputs.Count; i++)
        {
            sum = graph.Node("Add", i == inputs.Count - 1 ? layer.Name : $"{layer.Name}/{i}", graph.Shape(inputs[0]), [sum, inputs[i]]);
        }

        return sum;
    }

    private static string Concatenate(NhwcGraph graph, KerasLayer layer, IReadOnlyList<string> inputs)
    {
        var first = graph.Shape(inputs[0]);
        var axis = (int)layer.Number("axis", -1);
        axis = axis < 0 ? axis + first.Length : axis;
        var shape = (int[])first.Clone();
        shape[axis] = inputs.Sum(i => graph.Shape(i)[axis]);
        return graph.Node("Concat", layer.Name, shape, [.. inputs], OnnxAttribute.Int("axis", axis));
    }

    private static string Pool(NhwcGraph graph, KerasLayer layer, string input, string op)
    {
        CheckChannelsLast(layer);
        var size = layer.Pair("pool_size", (2, 2));
        return graph.Pool(op, input, layer.Name, size, layer.Pair("strides", size), Same(layer));
    }

    private static string GlobalAverage(NhwcGraph graph, string input, KerasLayer layer)
    {
        CheckChannelsLast(layer);
        var s = graph.Shape(input);
        return graph.Node("ReduceMean", layer.Name, [s[0], s[3]], input, OnnxAttribute.Ints("axes", 1, 2), OnnxAttribute.Int("keepdims", 0));
    }

    private static string Flatten(NhwcGraph graph, string input, KerasLayer layer)
    {
        CheckChannelsLast(layer);
        var s = graph.Shape(input);
        // NHWC flattens in Keras's channels_last order, which ONNX Flatten of the NHWC value reproduces.
        return graph.Node("Flatten", layer.Name, [s[0], s.Skip(1).Aggregate(1, (n, d) => n * d)], input, OnnxAttribute.Int("axis", 1));
    }

    private static string Dense(NhwcGraph graph, TfJsModel model, KerasLayer layer, string input)
    {
        var kernel = model.Weight($"{layer.Name}/kernel");
        var s = graph.Shape(input);
        if (s.Length != 2 || s[1] != kernel.Shape[0])
        {
            throw new InvalidDataException($"Layer '{layer.Name}' (Dense): kernel [{string.Join(", ", kernel.Shape)}] does not fit its input [{string.Join(", ", s)}].");
        }

        var outShape = new[] { s[0], kernel.Shape[1] };
        var activation = layer.String("activation", "linear");
        var linear = activation == "linear" ? layer.Name : $"{layer.Name}/linear";
        var product = graph.Node("MatMul", layer.Bool("use_bias", true) ? $"{layer.Name}/matmul" : linear, outShape, [input, graph.Const($"{layer.Name}/W", kernel.RequireFloats(), kernel.Dims)]);
        if (layer.Bool("use_bias", true))
        {
            var bias = model.Weight($"{layer.Name}/bias").RequireFloats();
            product = graph.Node("Add", linear, outShape, [product, graph.Const($"{layer.Name}/B", bias, bias.Length)]);
        }

        return graph.Activation(product, layer.Name, activation);
    }

    private static bool Same(KerasLayer layer) => layer.String("padding", "valid") switch
    {
        "same" => true,
        "valid" => false,
        _ => throw layer.Bad("padding", "\"same\" or \"valid\""),
    };

    private static void CheckChannelsLast(KerasLayer layer)
    {
        if (layer.String("data_format", "channels_last") != "channels_last")
        {
            throw layer.Bad("data_format", "channels_last");
        }
    }
}
