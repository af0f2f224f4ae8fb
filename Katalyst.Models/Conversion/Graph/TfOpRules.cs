namespace Katalyst.Models.Conversion.Graph;

/// <summary>How TF op attributes map to ONNX: fused activations, padding, data format, broadcast shapes.</summary>
internal static class TfOpRules
{
    public static string FusedActivation(TfNode node, string[] fused) => fused switch
    {
        [] => "linear",
        ["BiasAdd"] => "linear",
        ["BiasAdd", "Relu"] => "relu",
        ["BiasAdd", "Relu6"] => "relu6",
        _ => throw node.Unsupported($"fused_ops [{string.Join(", ", fused)}] are not supported (BiasAdd, optionally then Relu or Relu6)."),
    };

    public static (bool Same, int[]? Pads) Padding(TfNode node) => node.String("padding") switch
    {
        "SAME" => (true, null),
        "VALID" => (false, null),
        // explicit_paddings: [before, after] per NHWC axis; ONNX wants [top, left, bottom, right].
        "EXPLICIT" when node.Ints("explicit_paddings") is { Length: 8 } p => (false, [(int)p[2], (int)p[4], (int)p[3], (int)p[5]]),
        var other => throw node.Unsupported($"padding '{other}' is not supported (SAME, VALID, EXPLICIT)."),
    };

    public static void CheckNhwc(TfNode node)
    {
        if (node.String("data_format", "NHWC") != "NHWC")
        {
            throw node.Unsupported($"data_format {node.String("data_format")} is not supported (NHWC).");
        }
    }

    public static int[] Broadcast(int[] a, int[] b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var shape = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var x = i - (rank - a.Length) >= 0 ? a[i - (rank - a.Length)] : 1;
            var y = i - (rank - b.Length) >= 0 ? b[i - (rank - b.Length)] : 1;
            shape[i] = x < 0 || y < 0 ? -1 : Math.Max(x, y);
        }

        return shape;
    }
}
