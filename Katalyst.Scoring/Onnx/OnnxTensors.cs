using System.Buffers.Binary;
using Google.Protobuf;
using Katalyst.Protos.Onnx;

namespace Katalyst.Scoring.Onnx;

/// <summary>
/// Constant tensors (initializers) as ONNX stores large weights: row-major elements in
/// <c>raw_data</c>, little-endian whatever the machine, so millions of weights cost one byte copy.
/// </summary>
internal static class OnnxTensors
{
    public static TensorProto Float(string name, ReadOnlySpan<float> values, long[] dims)
    {
        CheckShape(name, values.Length, dims);
        var bytes = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
        }

        return Tensor(name, TensorProto.Types.DataType.Float, bytes, dims);
    }

    public static TensorProto Int64(string name, ReadOnlySpan<long> values, long[] dims)
    {
        CheckShape(name, values.Length, dims);
        var bytes = new byte[values.Length * sizeof(long)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(i * sizeof(long)), values[i]);
        }

        return Tensor(name, TensorProto.Types.DataType.Int64, bytes, dims);
    }

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, byte[] bytes, long[] dims)
    {
        // The array is ours and never written again, so wrapping it saves a second copy of the weights.
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = UnsafeByteOperations.UnsafeWrap(bytes) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }

    private static void CheckShape(string name, int count, long[] dims)
    {
        long expected = 1;
        foreach (var dim in dims)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"Initializer '{name}' has a negative dimension ({dim}).", nameof(dims));
            }

            expected *= dim;
        }

        if (expected != count)
        {
            throw new ArgumentException(
                $"Initializer '{name}' has {count} values but its shape [{string.Join(", ", dims)}] holds {expected}.",
                nameof(dims));
        }
    }
}
