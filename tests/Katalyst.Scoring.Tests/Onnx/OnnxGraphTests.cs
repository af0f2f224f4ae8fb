using System.Buffers.Binary;
using Katalyst.Protos.Onnx;
using Katalyst.Scoring.Onnx;
using Katalyst.Scoring.Runtime;
using Katalyst.Scoring.Tests.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Scoring.Tests.Onnx;

public sealed class OnnxGraphTests
{
    [Fact]
    public void ToBytes_SparseModel_ParsesBackToExpectedGraph()
    {
        var weights = LinearReference.RandomWeights(new Random(1), 50, 7);
        var bias = LinearReference.RandomVector(new Random(2), 7);

        var model = ModelProto.Parser.ParseFrom(SparseLinearModel.Build(weights, bias, "text-indicators", TestModels.Metadata));

        Assert.Equal(8, model.IrVersion);
        Assert.Equal("katalyst", model.ProducerName);
        var opset = Assert.Single(model.OpsetImport);
        Assert.Equal(("", 17L), (opset.Domain, opset.Version));
        Assert.Equal("text-indicators", model.Graph.Name);
        Assert.Equal(["Gather", "Unsqueeze", "Mul", "ReduceSum", "Add", "Sigmoid"], model.Graph.Node.Select(node => node.OpType));
        Assert.Equal(["feature_ids", "feature_values"], model.Graph.Input.Select(input => input.Name));
        Assert.Equal((int)TensorProto.Types.DataType.Int64, model.Graph.Input[0].Type.TensorType.ElemType);
        Assert.Equal(["N", "L"], model.Graph.Input[0].Type.TensorType.Shape.Dim.Select(dim => dim.DimParam));
        Assert.Equal(["probabilities", "logits"], model.Graph.Output.Select(output => output.Name));
        var probabilityShape = model.Graph.Output[0].Type.TensorType.Shape.Dim;
        Assert.Equal(("N", 7L), (probabilityShape[0].DimParam, probabilityShape[1].DimValue));

        var w = model.Graph.Initializer.Single(tensor => tensor.Name == "W");
        Assert.Equal([50L, 7L], w.Dims);
        Assert.Equal((int)TensorProto.Types.DataType.Float, w.DataType);
        Assert.Equal(50 * 7 * sizeof(float), w.RawData.Length);
        Assert.Equal(weights[3, 5], BinaryPrimitives.ReadSingleLittleEndian(w.RawData.Span[((3 * 7 + 5) * sizeof(float))..]));
        Assert.Equal(TestModels.Metadata, model.MetadataProps.ToDictionary(entry => entry.Key, entry => entry.Value));
    }

    [Fact]
    public void ToBytes_GraphWithListAttribute_RunsInOnnxRuntime()
    {
        // Transpose(x + c) with perm=[1, 0]: exercises inputs, an initializer, an INTS attribute and a symbolic batch.
        var bytes = new OnnxGraph("transpose")
            .AddInput("x", TensorProto.Types.DataType.Float, "N", 3)
            .AddInitializer("c", [10f, 20f, 30f], 3)
            .AddNode("Add", ["x", "c"], ["shifted"])
            .AddNode("Transpose", ["shifted"], ["y"], OnnxAttribute.Ints("perm", 1, 0))
            .AddOutput("y", TensorProto.Types.DataType.Float, 3, "N")
            .ToBytes();
        using var session = OnnxModelSession.FromBytes(bytes, "transpose", TestModels.Cpu, NullLogger.Instance);
        using var x = OrtValue.CreateTensorValueFromMemory([1f, 2f, 3f, 4f, 5f, 6f], [2, 3]);

        using var outputs = session.Run(["x"], [x], ["y"]);

        Assert.Equal([3L, 2L], outputs[0].GetTensorTypeAndShape().Shape);
        Assert.Equal([11f, 14f, 22f, 25f, 33f, 36f], outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }

    [Fact]
    public void AddNode_UnknownInput_ThrowsNamingIt()
    {
        var graph = new OnnxGraph("g").AddInput("x", TensorProto.Types.DataType.Float, "N");

        var error = Assert.Throws<ArgumentException>(() => graph.AddNode("Add", ["x", "missing"], ["y"]));

        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInitializer_NameAlreadyAnInput_ThrowsNamingIt()
    {
        var graph = new OnnxGraph("g").AddInput("x", TensorProto.Types.DataType.Float, "N");

        var error = Assert.Throws<ArgumentException>(() => graph.AddInitializer("x", [1f], 1));

        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddInitializer_ShapeDisagreesWithData_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new OnnxGraph("g").AddInitializer("w", [1f, 2f, 3f], 2, 2));

        Assert.Contains("3 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToModel_OutputNothingProduces_ThrowsNamingIt()
    {
        var graph = new OnnxGraph("g")
            .AddInput("x", TensorProto.Types.DataType.Float, "N")
            .AddOutput("y", TensorProto.Types.DataType.Float, "N");

        var error = Assert.Throws<InvalidOperationException>(() => graph.ToModel());

        Assert.Contains("'y'", error.Message, StringComparison.Ordinal);
    }
}
