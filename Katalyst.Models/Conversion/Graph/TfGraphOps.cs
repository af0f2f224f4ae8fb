using Katalyst.Models.TfJs;
using static Katalyst.Models.Conversion.Graph.TfOpRules;
using Katalyst.Scoring.Onnx;

namespace Katalyst.Models.Conversion.Graph;

/// <summary>The ONNX nodes of each supported TF op. Each node's output value is named after the TF node.</summary>
internal sealed class TfGraphOps(NhwcGraph graph, TfJsModel model, IReadOnlyDictionary<string, TfNode> nodes, string inputName)
{
    private static readonly Dictionary<string, string> Binary = new(StringComparer.Ordinal)
    {
        ["Add"] = "Add", ["AddV2"] = "Add", ["BiasAdd"] = "Add", ["Sub"] = "Sub", ["Mul"] = "Mul",
        ["RealDiv"] = "Div", ["Minimum"] = "Min", ["Maximum"] = "Max",
    };

    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public NhwcGraph Graph => graph;

    /// <summary>The ONNX value holding TF node <paramref name="name"/>'s output; a Const becomes a float initializer on first use.</summary>
    public string Value(string name)
    {
        if (values.TryGetValue(name, out var value))
        {
            return value;
        }

        if (nodes.TryGetValue(name, out var node) && node.Op == "Const")
        {
            var tensor = model.Weight(name);
            graph.Const(name, tensor.Floats ?? [.. tensor.RequireInts().Select(i => (float)i)], tensor.Dims);
            return values[name] = name;
        }

        throw new InvalidOperationException($"Node '{name}' is read before it is converted.");
    }

    public void Emit(TfNode node)
    {
        if (node.Op == "Const")
        {
            return; // made on first use, in the form its reader needs
        }

        values[node.Name] = node.Op switch
        {
            "Placeholder" => Placeholder(node),
            "Identity" => Value(node.Inputs[0]),
            "Conv2D" or "_FusedConv2D" => Conv(node, depthwise: false),
            "DepthwiseConv2dNative" or "FusedDepthwiseConv2dNative" => Conv(node, depthwise: true),
            "MaxPool" => Pool(node, "MaxPool"),
            "AvgPool" => Pool(node, "AveragePool"),
            "Relu" => graph.Activation(Value(node.Inputs[0]), node.Name, "relu"),
            "Relu6" => graph.Activation(Value(node.Inputs[0]), node.Name, "relu6"),
            "Sigmoid" => graph.Activation(Value(node.Inputs[0]), node.Name, "sigmoid"),
            "Tanh" => graph.Activation(Value(node.Inputs[0]), node.Name, "tanh"),
            "Softmax" => graph.Activation(Value(node.Inputs[0]), node.Name, "softmax"),
            "Pad" => Pad(node),
            "Reshape" => Reshape(node),
            "Mean" => Mean(node),
            "Squeeze" => Squeeze(node),
            "MatMul" or "_FusedMatMul" => MatMul(node),
            _ when Binary.TryGetValue(node.Op, out var op) => Elementwise(node, op),
            _ => throw node.Unsupported("this op is not supported by the converter."),
        };
    }

    private string Placeholder(TfNode node)
    {
        var dims = node.Attributes["shape"]?["shape"]?["dim"]?.AsArray().Select(d => int.Parse((string)d!["size"]!, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            ?? throw node.Unsupported("the placeholder has no shape.");
        if (dims.Length != 4 || dims[0] is not (1 or -1))
        {
            throw node.Unsupported($"input shape [{string.Join(", ", dims)}] is not an NHWC image batch.");
        }

        return graph.Input(inputName, [-1, dims[1], dims[2], dims[3]]);
    }

    private string Conv(TfNode node, bool depthwise)
    {
        CheckNhwc(node);
        var kernel = Const(node, 1);
        var (weights, dims) = depthwise ? Kernels.DepthwiseToGrouped(kernel.RequireFloats(), kernel.Shape) : Kernels.HwioToOihw(kernel.RequireFloats(), kernel.Shape);
        var fused = node.Strings("fused_ops");
        var activation = node.Op.StartsWith("Fused", StringComparison.Ordinal) || node.Op.StartsWith('_') ? FusedActivation(node, fused) : "linear";
        var bias = fused.Length > 0 ? Const(node, 2).RequireFloats() : null;
        var strides = node.Ints("strides");
        var dilations = node.Ints("dilations") is { Length: 4 } d ? d : [1, 1, 1, 1];
        var (same, pads) = Padding(node);
        var output = activation == "linear" ? node.Name : $"{node.Name}/linear";
        var conv = graph.Conv(Value(node.Inputs[0]), output, weights, dims, bias, depthwise ? kernel.Shape[2] : 1, ((int)strides[1], (int)strides[2]), ((int)dilations[1], (int)dilations[2]), same, pads);
        return graph.Activation(conv, node.Name, activation);
    }

    private string Pool(TfNode node, string op)
    {
        CheckNhwc(node);
        var size = node.Ints("ksize");
        var strides = node.Ints("strides");
        var (same, pads) = Padding(node);
        return graph.Pool(op, Value(node.Inputs[0]), node.Name, ((int)size[1], (int)size[2]), ((int)strides[1], (int)strides[2]), same, pads);
    }

    private string Elementwise(TfNode node, string op)
    {
        var (a, b) = (Value(node.Inputs[0]), Value(node.Inputs[1]));
        return graph.Node(op, node.Name, Broadcast(ShapeOf(node.Inputs[0]), ShapeOf(node.Inputs[1])), [a, b]);
    }

    private string Pad(TfNode node)
    {
        var paddings = Const(node, 1).RequireInts();
        var rank = paddings.Length / 2;
        var pads = new long[2 * rank];
        for (var axis = 0; axis < rank; axis++)
        {
            pads[axis] = paddings[2 * axis];
            pads[rank + axis] = paddings[2 * axis + 1];
        }

        var input = ShapeOf(node.Inputs[0]);
        var shape = input.Select((d, axis) => d < 0 ? d : d + (int)(pads[axis] + pads[rank + axis])).ToArray();
        return graph.Node("Pad", node.Name, shape, [Value(node.Inputs[0]), graph.ConstInt64($"{node.Name}/pads", pads, pads.Length)]);
    }

    private string Reshape(TfNode node)
    {
        var target = Const(node, 1).RequireInts().Select(i => (long)i).ToArray();
        var input = ShapeOf(node.Inputs[0]);
        // The graph was frozen at batch 1; with a symbolic batch, ONNX's 0 copies the batch dimension through.
        if (input[0] < 0 && target.Length > 0 && target[0] == 1)
        {
            target[0] = 0;
        }

        var known = input.Skip(1).Aggregate(1L, (n, d) => n * d);
        var shape = target.Select((d, i) => d == 0 ? input[i] : (int)d).ToArray();
        var free = Array.IndexOf(shape, -1, 1);
        if (free > 0)
        {
            shape[free] = (int)(known / shape.Skip(1).Where(d => d > 0).Aggregate(1L, (n, d) => n * d));
        }

        return graph.Node("Reshape", node.Name, shape, [Value(node.Inputs[0]), graph.ConstInt64($"{node.Name}/shape", target, target.Length)]);
    }

    private string Mean(TfNode node)
    {
        var input = ShapeOf(node.Inputs[0]);
        var axes = Const(node, 1).RequireInts().Select(a => (long)(a < 0 ? a + input.Length : a)).ToArray();
        var keep = node.Bool("keep_dims");
        var shape = input.Select((d, i) => axes.Contains(i) ? (keep ? 1 : -2) : d).Where(d => d != -2).ToArray();
        return graph.Node("ReduceMean", node.Name, shape, Value(node.Inputs[0]), OnnxAttribute.Ints("axes", axes), OnnxAttribute.Int("keepdims", keep ? 1 : 0));
    }

    private string Squeeze(TfNode node)
    {
        var input = ShapeOf(node.Inputs[0]);
        var axes = node.Ints("squeeze_dims").Select(a => a < 0 ? a + input.Length : a).ToArray();
        if (axes.Length == 0)
        {
            throw node.Unsupported("a Squeeze without squeeze_dims would depend on run-time sizes.");
        }

        var shape = input.Where((_, i) => !axes.Contains(i)).ToArray();
        return graph.Node("Squeeze", node.Name, shape, [Value(node.Inputs[0]), graph.ConstInt64($"{node.Name}/axes", axes, axes.Length)]);
    }

    private string MatMul(TfNode node)
    {
        if (node.Bool("transpose_a") || node.Bool("transpose_b"))
        {
            throw node.Unsupported("transposed MatMul operands are not supported.");
        }

        var kernel = Const(node, 1);
        var input = ShapeOf(node.Inputs[0]);
        var fused = node.Strings("fused_ops");
        var activation = node.Op == "_FusedMatMul" ? FusedActivation(node, fused) : "linear";
        var shape = new[] { input[0], kernel.Shape[1] };
        var linear = activation == "linear" ? node.Name : $"{node.Name}/linear";
        var product = graph.Node("MatMul", fused.Length > 0 ? $"{node.Name}/matmul" : linear, shape, [Value(node.Inputs[0]), graph.Const($"{node.Name}/W", kernel.RequireFloats(), kernel.Dims)]);
        if (fused.Length > 0)
        {
            var bias = Const(node, 2).RequireFloats();
            product = graph.Node("Add", linear, shape, [product, graph.Const($"{node.Name}/B", bias, bias.Length)]);
        }

        return graph.Activation(product, node.Name, activation);
    }

    private TfJsTensor Const(TfNode node, int input)
    {
        var name = input < node.Inputs.Count ? node.Inputs[input] : throw node.Unsupported($"input {input} is missing.");
        return nodes.TryGetValue(name, out var source) && source.Op == "Const"
            ? model.Weight(name)
            : throw node.Unsupported($"input {input} ('{name}') must be a constant.");
    }

    private int[] ShapeOf(string name) =>
        nodes.TryGetValue(name, out var node) && node.Op == "Const" ? model.Weight(name).Shape : graph.Shape(Value(name));
}
