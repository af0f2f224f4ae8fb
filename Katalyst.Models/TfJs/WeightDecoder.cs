using System.Buffers.Binary;

namespace Katalyst.Models.TfJs;

/// <summary>
/// Decodes a TF.js weights manifest: each group's shards concatenated in <c>paths</c> order, then each weight read in
/// turn and dequantised as tfjs-core does (<c>q * scale + min</c> in double, stored as float32; float16 via <see cref="Half"/>).
/// </summary>
public static class WeightDecoder
{
    /// <summary>Every weight of <paramref name="model"/>, by name; <paramref name="shard"/> hands over a shard's bytes by its path.</summary>
    /// <exception cref="InvalidDataException">The shards are shorter or longer than the weights need, or a name repeats; the message names the model and weight.</exception>
    public static Dictionary<string, TfJsTensor> Decode(TfJsModelJson model, Func<string, byte[]> shard)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(shard);
        var tensors = new Dictionary<string, TfJsTensor>(StringComparer.Ordinal);
        foreach (var group in model.WeightGroups)
        {
            var bytes = Concatenate(group.Paths.Select(shard).ToList());
            long offset = 0;
            foreach (var spec in group.Weights)
            {
                var length = spec.ByteLength;
                if (offset + length > bytes.Length)
                {
                    throw new InvalidDataException(
                        $"{model.Source}: weight '{spec.Name}' needs bytes {offset}..{offset + length} but shards [{string.Join(", ", group.Paths)}] hold {bytes.Length}.");
                }

                var tensor = DecodeOne(spec, bytes.AsSpan((int)offset, (int)length));
                if (!tensors.TryAdd(spec.Name, tensor))
                {
                    throw new InvalidDataException($"{model.Source}: weight '{spec.Name}' appears twice in weightsManifest.");
                }

                offset += length;
            }

            if (offset != bytes.Length)
            {
                throw new InvalidDataException(
                    $"{model.Source}: shards [{string.Join(", ", group.Paths)}] hold {bytes.Length} bytes but the weights use {offset}; wrong shards or manifest.");
            }
        }

        return tensors;
    }

    /// <summary>Decodes one weight's bytes.</summary>
    public static TfJsTensor DecodeOne(WeightSpec spec, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var count = (int)spec.ElementCount;
        var stored = spec.Quantization?.Dtype ?? spec.Dtype;
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = stored switch
            {
                "uint8" => bytes[i],
                "bool" => bytes[i],
                "uint16" => BinaryPrimitives.ReadUInt16LittleEndian(bytes[(2 * i)..]),
                "float16" => (double)BinaryPrimitives.ReadHalfLittleEndian(bytes[(2 * i)..]),
                "float32" => BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..]),
                "int32" => BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]),
                _ => throw new InvalidDataException($"Weight '{spec.Name}' is stored as '{stored}'."),
            };
        }

        if (spec.Quantization is { Dtype: "uint8" or "uint16", Min: { } min, Scale: { } scale })
        {
            for (var i = 0; i < count; i++)
            {
                values[i] = values[i] * scale + min;
            }
        }

        return spec.Dtype switch
        {
            "float32" => new TfJsTensor(spec.Name, spec.Shape, values.Select(v => (float)v).ToArray(), null),
            // A quantised int32 weight rounds back to integers, as tfjs-core does.
            "int32" or "bool" => new TfJsTensor(spec.Name, spec.Shape, null, values.Select(v => (int)Math.Round(v)).ToArray()),
            var other => throw new InvalidDataException($"Weight '{spec.Name}' has dtype '{other}'; expected float32, int32 or bool."),
        };
    }

    private static byte[] Concatenate(IReadOnlyList<byte[]> shards)
    {
        var all = new byte[shards.Sum(s => (long)s.Length)];
        var offset = 0;
        foreach (var shard in shards)
        {
            shard.CopyTo(all, offset);
            offset += shard.Length;
        }

        return all;
    }
}
