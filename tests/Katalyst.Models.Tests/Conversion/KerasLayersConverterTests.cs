using System.Text.Json.Nodes;
using Katalyst.Models.Conversion.Keras;
using Katalyst.Models.TfJs;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Models.Tests.Conversion;

/// <summary>Small Keras models built here, converted and run in ONNX Runtime, against values worked out by hand.</summary>
public sealed class KerasLayersConverterTests
{
    [Fact]
    public void Convert_Conv2DSameStride2_PadsAtTheEndAsTfDoes()
    {
        // 4 x 4 ones, 3 x 3 ones kernel, stride 2, SAME: TF pads one row and column at the end (SAME_UPPER),
        // so the windows hold 9, 6, 6 and 4 ones; padding at the start would give 4, 6, 6, 9.
        var model = Model(
            [4, 4, 1],
            [Layer("Conv2D", "conv", """{"filters":1,"kernel_size":[3,3],"strides":[2,2],"padding":"same","activation":"linear","use_bias":false}""", "input_1")],
            ("conv/kernel", [3, 3, 1, 1], Enumerable.Repeat(1f, 9).ToArray()));

        var output = Run(model, "conv", Enumerable.Repeat(1f, 16).ToArray(), [1, 4, 4, 1]);

        Assert.Equal([9f, 6f, 6f, 4f], output);
    }

    [Fact]
    public void Convert_DepthwiseMultiplier2_KeepsTfChannelOrder()
    {
        // Output channel c*M + m is input channel c times kernel[.., c, m].
        var model = Model(
            [1, 1, 2],
            [Layer("DepthwiseConv2D", "dw", """{"kernel_size":[1,1],"strides":[1,1],"padding":"valid","depth_multiplier":2,"activation":"linear","use_bias":true}""", "input_1")],
            ("dw/depthwise_kernel", [1, 1, 2, 2], [2f, 3f, 5f, 7f]),
            ("dw/bias", [4], [0f, 0f, 0f, 1f]));

        var output = Run(model, "dw", [10f, 100f], [1, 1, 1, 2]);

        Assert.Equal([20f, 30f, 500f, 701f], output);
    }

    [Fact]
    public void Convert_BatchNormalizationThenRelu6_FoldsAndClips()
    {
        var model = Model(
            [1, 2, 2],
            [
                Layer("BatchNormalization", "bn", """{"axis":-1,"epsilon":0,"center":true,"scale":true}""", "input_1"),
                Layer("ReLU", "relu", """{"max_value":6,"negative_slope":0,"threshold":0}""", "bn"),
            ],
            ("bn/gamma", [2], [2f, 1f]),
            ("bn/beta", [2], [1f, 0f]),
            ("bn/moving_mean", [2], [1f, 0f]),
            ("bn/moving_variance", [2], [4f, 1f]));

        // Channel 0: (x - 1) / 2 * 2 + 1 = x; channel 1: x. Then clipped to [0, 6]: 3 -> 3, -5 -> 0, 13 -> 6, 10 -> 6.
        var output = Run(model, "relu", [3f, -5f, 13f, 10f], [1, 1, 2, 2]);

        Assert.Equal([3f, 0f, 6f, 6f], output);
    }

    [Fact]
    public void Convert_UnsupportedLayer_NamesIt()
    {
        var model = Model([2, 2, 1], [Layer("LSTM", "memory", "{}", "input_1")]);

        var error = Assert.Throws<InvalidDataException>(() => KerasLayersConverter.Convert(model, "t", "input", [("memory", "out")]));

        Assert.Contains("Layer 'memory' is a LSTM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_MissingWeight_NamesModelAndWeight()
    {
        var model = Model([2, 2, 1], [Layer("Conv2D", "conv", """{"kernel_size":[1,1],"use_bias":false}""", "input_1")]);

        var error = Assert.Throws<InvalidDataException>(() => KerasLayersConverter.Convert(model, "t", "input", [("conv", "out")]));

        Assert.Contains("test.json: weightsManifest has no weight 'conv/kernel'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ReadsUnknownLayer_NamesBoth()
    {
        var model = Model([2, 2, 1], [Layer("Dropout", "drop", "{}", "nowhere")]);

        var error = Assert.Throws<InvalidDataException>(() => KerasLayersConverter.Convert(model, "t", "input", [("drop", "out")]));

        Assert.Contains("layer 'drop' reads 'nowhere'", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Layer(string className, string name, string config, string input)
    {
        var configJson = JsonNode.Parse(config)!.AsObject();
        configJson["name"] = name;
        return new JsonObject
        {
            ["class_name"] = className,
            ["name"] = name,
            ["config"] = configJson,
            ["inbound_nodes"] = JsonNode.Parse($$"""[[["{{input}}", 0, 0, {}]]]"""),
        };
    }

    private static TfJsModel Model(int[] inputShape, JsonObject[] layers, params (string Name, int[] Shape, float[] Values)[] weights)
    {
        var input = new JsonObject
        {
            ["class_name"] = "InputLayer",
            ["name"] = "input_1",
            ["config"] = new JsonObject { ["batch_input_shape"] = new JsonArray([null, .. inputShape.Select(d => (JsonNode)d)]) },
            ["inbound_nodes"] = new JsonArray(),
        };
        var topology = new JsonObject
        {
            ["model_config"] = new JsonObject
            {
                ["class_name"] = "Model",
                ["config"] = new JsonObject { ["layers"] = new JsonArray([input, .. layers]), ["output_layers"] = new JsonArray() },
            },
        };
        var json = new TfJsModelJson("test.json", TfJsModelFormat.Layers, topology, []);
        return new TfJsModel(json, weights.ToDictionary(w => w.Name, w => new TfJsTensor(w.Name, w.Shape, w.Values, null)));
    }

    private static float[] Run(TfJsModel model, string layer, float[] input, long[] shape)
    {
        var bytes = KerasLayersConverter.Convert(model, "test", "input", [(layer, "out")]).ToBytes();
        using var session = new InferenceSession(bytes);
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["input"], [tensor], ["out"]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
