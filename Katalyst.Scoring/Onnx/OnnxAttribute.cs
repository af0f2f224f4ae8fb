using System.Text;
using Google.Protobuf;
using Katalyst.Protos.Onnx;

namespace Katalyst.Scoring.Onnx;

/// <summary>Node attributes for <see cref="OnnxGraph.AddNode"/>, e.g. <c>OnnxAttribute.Int("axis", 0)</c>.</summary>
public static class OnnxAttribute
{
    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, float value) =>
        new() { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>A string attribute (stored as UTF-8).</summary>
    public static AttributeProto String(string name, string value) =>
        new()
        {
            Name = CheckName(name),
            Type = AttributeProto.Types.AttributeType.String,
            S = ByteString.CopyFrom(value, Encoding.UTF8),
        };

    /// <summary>A list-of-integers attribute.</summary>
    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>A list-of-floats attribute.</summary>
    public static AttributeProto Floats(string name, params float[] values)
    {
        var attribute = new AttributeProto { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Floats };
        attribute.Floats.AddRange(values);
        return attribute;
    }

    private static string CheckName(string name) =>
        !string.IsNullOrWhiteSpace(name)
            ? name
            : throw new ArgumentException("An ONNX attribute needs a name, e.g. \"axis\".", nameof(name));
}
