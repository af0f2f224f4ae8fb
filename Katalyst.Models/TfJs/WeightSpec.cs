namespace Katalyst.Models.TfJs;

/// <summary>One tensor of a TF.js <c>weightsManifest</c> group: where its bytes sit follows from the order of the specs.</summary>
/// <param name="Name">The weight's name, e.g. <c>Conv1/kernel</c> or a graph model's Const node name.</param>
/// <param name="Shape">Its shape.</param>
/// <param name="Dtype">Its logical type: <c>float32</c>, <c>int32</c> or <c>bool</c>.</param>
/// <param name="Quantization">How it is stored when not in its logical type (uint8, uint16, float16); null when stored as is.</param>
public sealed record WeightSpec(string Name, int[] Shape, string Dtype, WeightQuantization? Quantization)
{
    /// <summary>The number of elements.</summary>
    public long ElementCount => Shape.Aggregate(1L, (n, d) => n * d);

    /// <summary>The number of bytes the tensor takes in the concatenated shards.</summary>
    public long ByteLength => ElementCount * (Quantization?.Dtype ?? Dtype) switch
    {
        "uint8" or "bool" => 1,
        "uint16" or "float16" => 2,
        "float32" or "int32" => 4,
        var other => throw new InvalidDataException($"Weight '{Name}' is stored as '{other}', which TF.js does not write (float32, int32, bool, uint8, uint16, float16)."),
    };
}

/// <summary>A TF.js weight quantization: uint8/uint16 with <c>value = q * Scale + Min</c>, or float16.</summary>
/// <param name="Dtype">The stored type: <c>uint8</c>, <c>uint16</c> or <c>float16</c>.</param>
/// <param name="Min">The value of q = 0 (uint8, uint16).</param>
/// <param name="Scale">The step between adjacent q (uint8, uint16).</param>
public sealed record WeightQuantization(string Dtype, double? Min, double? Scale);

/// <summary>A group of weights stored across shard files read and concatenated in <see cref="Paths"/> order.</summary>
/// <param name="Paths">The shard files, relative to the model.json.</param>
/// <param name="Weights">The weights, in the order their bytes follow each other.</param>
public sealed record WeightGroup(IReadOnlyList<string> Paths, IReadOnlyList<WeightSpec> Weights);
