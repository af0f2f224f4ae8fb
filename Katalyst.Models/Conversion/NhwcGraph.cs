using Katalyst.Protos.Onnx;
using Katalyst.Scoring.Onnx;

namespace Katalyst.Models.Conversion;

/// <summary>
/// An <see cref="OnnxGraph"/> whose values stay in TF's NHWC layout: each Conv and Pool (NCHW in ONNX) is wrapped in
/// Transpose(0,3,1,2) … Transpose(0,2,3,1), pairs ONNX Runtime's transpose optimiser cancels. Tracks each value's
/// NHWC shape (batch as -1) so output declarations and flattening know their sizes.
/// </summary>
internal sealed class NhwcGraph(string name)
{
    private readonly Dictionary<string, int[]> shapes = new(StringComparer.Ordinal);

    /// <summary>The ONNX graph being built.</summary>
    public OnnxGraph Graph { get; } = new(name);

    /// <summary>The shape of a value (batch -1); fails naming it when unknown.</summary>
    public int[] Shape(string value) => shapes.TryGetValue(value, out var s) ? s : throw new InvalidOperationException($"No shape known for value '{value}'.");

    /// <summary>Declares the graph's float input of NHWC shape <paramref name="shape"/> (batch symbolic "N").</summary>
    public string Input(string value, int[] shape)
    {
        Graph.AddInput(value, TensorProto.Types.DataType.Float, [.. shape.Select(d => d < 0 ? (OnnxDimension)"N" : d)]);
        shapes[value] = shape;
        return value;
    }

    /// <summary>Declares a graph output reading <paramref name="value"/> (through an Identity named <paramref name="output"/>).</summary>
    public void Output(string value, string output)
    {
        Node("Identity", output, Shape(value), value);
        Graph.AddOutput(output, TensorProto.Types.DataType.Float, [.. Shape(output).Select(d => d < 0 ? (OnnxDimension)"N" : d)]);
    }

    /// <summary>A float constant.</summary>
    public string Const(string value, float[] data, params long[] dims)
    {
        Graph.AddInitializer(value, data, dims);
        return value;
    }

    /// <summary>An int64 constant.</summary>
    public string ConstInt64(string value, long[] data, params long[] dims)
    {
        Graph.AddInitializer(value, data, dims);
        return value;
    }

    /// <summary>A node with one output whose shape the caller states.</summary>
    public string Node(string op, string output, int[] shape, string input, params AttributeProto[] attributes) =>
        Node(op, output, shape, [input], attributes);

    /// <summary>A node with one output whose shape the caller states.</summary>
    public string Node(string op, string output, int[] shape, string[] inputs, params AttributeProto[] attributes)
    {
        Graph.AddNode(op, inputs, [output], attributes);
        shapes[output] = shape;
        return output;
    }

    /// <summary>
    /// An NHWC convolution: weights already OIHW (<c>[outC, inC/group, kH, kW]</c>), optional bias, TF padding
    /// (<paramref name="same"/>: SAME → SAME_UPPER; otherwise VALID or explicit <paramref name="pads"/> [top, left, bottom, right]).
    /// </summary>
    public string Conv(string input, string output, float[] weights, long[] weightDims, float[]? bias, int group, (int H, int W) strides, (int H, int W) dilations, bool same, int[]? pads = null)
    {
        var inShape = Shape(input);
        var (kh, kw) = ((int)weightDims[2], (int)weightDims[3]);
        var outShape = new[] { inShape[0], OutSize(inShape[1], kh, strides.H, dilations.H, same, pads?[0] + pads?[2]), OutSize(inShape[2], kw, strides.W, dilations.W, same, pads?[1] + pads?[3]), (int)weightDims[0] };
        var nchw = ToNchw(input, output);
        var inputs = new List<string> { nchw, Const($"{output}/W", weights, weightDims) };
        if (bias is not null)
        {
            inputs.Add(Const($"{output}/B", bias, bias.Length));
        }

        var conv = Node("Conv", $"{output}/nchw_out", Nchw(outShape), [.. inputs], [
            OnnxAttribute.Ints("kernel_shape", kh, kw),
            OnnxAttribute.Ints("strides", strides.H, strides.W),
            OnnxAttribute.Ints("dilations", dilations.H, dilations.W),
            OnnxAttribute.Int("group", group),
            .. Padding(same, pads),
        ]);
        return Node("Transpose", output, outShape, conv, OnnxAttribute.Ints("perm", 0, 2, 3, 1));
    }

    /// <summary>An NHWC pool (<c>AveragePool</c> or <c>MaxPool</c>); TF's average excludes padding, as ONNX's default does.</summary>
    public string Pool(string op, string input, string output, (int H, int W) size, (int H, int W) strides, bool same, int[]? pads = null)
    {
        var inShape = Shape(input);
        var outShape = new[] { inShape[0], OutSize(inShape[1], size.H, strides.H, 1, same, pads?[0] + pads?[2]), OutSize(inShape[2], size.W, strides.W, 1, same, pads?[1] + pads?[3]), inShape[3] };
        var nchw = ToNchw(input, output);
        var pooled = Node(op, $"{output}/nchw_out", Nchw(outShape), nchw, [
            OnnxAttribute.Ints("kernel_shape", size.H, size.W),
            OnnxAttribute.Ints("strides", strides.H, strides.W),
            .. Padding(same, pads),
        ]);
        return Node("Transpose", output, outShape, pooled, OnnxAttribute.Ints("perm", 0, 2, 3, 1));
    }

    /// <summary>Applies a Keras / TF activation by name (linear returns the input itself).</summary>
    public string Activation(string input, string output, string activation)
    {
        var shape = Shape(input);
        return activation switch
        {
            "linear" => input,
            "relu" => Node("Relu", output, shape, input),
            "relu6" => Clip(input, output, 0, 6),
            "sigmoid" => Node("Sigmoid", output, shape, input),
            "tanh" => Node("Tanh", output, shape, input),
            "softmax" => Node("Softmax", output, shape, input, OnnxAttribute.Int("axis", -1)),
            _ => throw new InvalidDataException($"Activation '{activation}' (before '{output}') is not supported: linear, relu, relu6, sigmoid, tanh, softmax."),
        };
    }

    /// <summary>Clips to [min, max] (ONNX Clip, bounds as scalar inputs).</summary>
    public string Clip(string input, string output, float min, float max) =>
        Node("Clip", output, Shape(input), [input, Const($"{output}/min", [min]), Const($"{output}/max", [max])]);

    private string ToNchw(string input, string output) =>
        Node("Transpose", $"{output}/nchw_in", Nchw(Shape(input)), input, OnnxAttribute.Ints("perm", 0, 3, 1, 2));

    private static int[] Nchw(int[] nhwc) => [nhwc[0], nhwc[3], nhwc[1], nhwc[2]];

    private static AttributeProto[] Padding(bool same, int[]? pads) =>
        same ? [OnnxAttribute.String("auto_pad", "SAME_UPPER")]
        : pads is null ? []
        : [OnnxAttribute.Ints("pads", pads[0], pads[1], pads[2], pads[3])];

    private static int OutSize(int size, int kernel, int stride, int dilation, bool same, int? padding)
    {
        if (size < 0)
        {
            return -1;
        }

        return same ? (size + stride - 1) / stride : ((size + (padding ?? 0) - ((kernel - 1) * dilation + 1)) / stride) + 1;
    }
}
