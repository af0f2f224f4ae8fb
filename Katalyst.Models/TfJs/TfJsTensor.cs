namespace Katalyst.Models.TfJs;

/// <summary>A decoded weight: float32 values (dequantised) or int32 values, row-major in TF's layout.</summary>
/// <param name="Name">The weight's name.</param>
/// <param name="Shape">Its shape.</param>
/// <param name="Floats">The values of a float32 weight; null for int32 and bool.</param>
/// <param name="Ints">The values of an int32 or bool weight; null for float32.</param>
public sealed record TfJsTensor(string Name, int[] Shape, float[]? Floats, int[]? Ints)
{
    /// <summary>The float32 values; fails naming the weight when it holds integers.</summary>
    public float[] RequireFloats() => Floats ?? throw new InvalidDataException($"Weight '{Name}' holds integers where float32 values were expected.");

    /// <summary>The int32 values; fails naming the weight when it holds floats.</summary>
    public int[] RequireInts() => Ints ?? throw new InvalidDataException($"Weight '{Name}' holds float32 values where integers were expected.");

    /// <summary>The shape as ONNX dims.</summary>
    public long[] Dims => Shape.Select(d => (long)d).ToArray();
}
