using System.Text.Json.Nodes;
using Katalyst.Models.Conversion.Graph;
using Katalyst.Models.TfJs;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Models.Tests.Conversion;

/// <summary>Small TF graphs built here, converted and run in ONNX Runtime.</summary>
public sealed class TfGraphConverterTests
{
    private const string Placeholder = """{"name":"x","op":"Placeholder","attr":{"dtype":{"type":"DT_FLOAT"},"shape":{"shape":{"dim":[{"size":"1"},{"size":"2"},{"size":"2"},{"size":"1"}]}}}}""";

    [Fact]
    public void Convert_ReshapeFrozenAtBatch1_TakesABatchOfThree()
    {
        var model = Model(
            [Placeholder, Node("shape", "Const"), """{"name":"flat","op":"Reshape","input":["x","shape"]}""", """{"name":"doubled","op":"Mul","input":["flat:0","two"]}""", Node("two", "Const")],
            ("shape", [2], "int32", null, [1, 4]),
            ("two", [], "float32", [2f], null));

        var output = Run(model, "doubled", [.. Enumerable.Range(0, 12).Select(i => (float)i)], [3, 2, 2, 1]);

        Assert.Equal([3L, 4], output.Shape);
        Assert.Equal([.. Enumerable.Range(0, 12).Select(i => 2f * i)], output.Values);
    }

    [Fact]
    public void Convert_FusedMatMulWithRelu_AddsBiasThenClamps()
    {
        var model = Model(
            [Placeholder, Node("shape", "Const"), """{"name":"flat","op":"Reshape","input":["x","shape"]}""", Node("w", "Const"), Node("b", "Const"),
             """{"name":"dense","op":"_FusedMatMul","input":["flat","w","b"],"attr":{"fused_ops":{"list":{"s":["Qmlhc0FkZA==","UmVsdQ=="]}},"transpose_a":{"b":false},"transpose_b":{"b":false}}}"""],
            ("shape", [2], "int32", null, [-1, 4]),
            ("w", [4, 2], "float32", [1f, -1f, 1f, -1f, 1f, -1f, 1f, -1f], null),
            ("b", [2], "float32", [0.5f, 0.5f], null));

        var output = Run(model, "dense", [1f, 2f, 3f, 4f], [1, 2, 2, 1]);

        Assert.Equal([10.5f, 0f], output.Values); // (1+2+3+4) + 0.5, and relu(-10 + 0.5)
    }

    [Fact]
    public void Convert_UnsupportedOp_NamesNode()
    {
        var model = Model([Placeholder, """{"name":"top","op":"TopKV2","input":["x"]}"""]);

        var error = Assert.Throws<InvalidDataException>(() => TfGraphConverter.Convert(model, "t", "input", [("top", "out")]));

        Assert.Contains("Node 'top' (TopKV2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_UnsupportedFusedOps_NamesThem()
    {
        var model = Model(
            [Placeholder, Node("k", "Const"), Node("b", "Const"),
             """{"name":"conv","op":"_FusedConv2D","input":["x","k","b"],"attr":{"padding":{"s":"U0FNRQ=="},"strides":{"list":{"i":["1","1","1","1"]}},"fused_ops":{"list":{"s":["Qmlhc0FkZA==","RWx1"]}}}}"""],
            ("k", [1, 1, 1, 1], "float32", [1f], null),
            ("b", [1], "float32", [0f], null));

        var error = Assert.Throws<InvalidDataException>(() => TfGraphConverter.Convert(model, "t", "input", [("conv", "out")]));

        Assert.Contains("fused_ops [BiasAdd, Elu]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_ReadsMissingNode_NamesBoth()
    {
        var model = Model([Placeholder, """{"name":"r","op":"Relu","input":["ghost"]}"""]);

        var error = Assert.Throws<InvalidDataException>(() => TfGraphConverter.Convert(model, "t", "input", [("r", "out")]));

        Assert.Contains("node 'r' reads 'ghost'", error.Message, StringComparison.Ordinal);
    }

    private static string Node(string name, string op) => $$"""{"name":"{{name}}","op":"{{op}}"}""";

    private static TfJsModel Model(string[] nodes, params (string Name, int[] Shape, string Dtype, float[]? Floats, int[]? Ints)[] weights)
    {
        var topology = new JsonObject { ["node"] = new JsonArray([.. nodes.Select(n => JsonNode.Parse(n))]) };
        var json = new TfJsModelJson("graph.json", TfJsModelFormat.Graph, topology, []);
        return new TfJsModel(json, weights.ToDictionary(w => w.Name, w => new TfJsTensor(w.Name, w.Shape, w.Floats, w.Ints)));
    }

    private static (long[] Shape, float[] Values) Run(TfJsModel model, string node, float[] input, long[] shape)
    {
        var bytes = TfGraphConverter.Convert(model, "test", "input", [(node, "out")]).ToBytes();
        using var session = new InferenceSession(bytes);
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["input"], [tensor], ["out"]);
        return (results[0].GetTensorTypeAndShape().Shape, results[0].GetTensorDataAsSpan<float>().ToArray());
    }
}
