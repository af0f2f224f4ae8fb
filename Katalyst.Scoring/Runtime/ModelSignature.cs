using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Katalyst.Scoring.Runtime;

/// <summary>Checks that a session holds the model a runner expects, so a wrong model file fails at start-up, not mid-request.</summary>
internal static class ModelSignature
{
    /// <summary>The named tensor, of the given element type and rank; fails naming the model and the value otherwise.</summary>
    public static NodeMetadata Require(
        OnnxModelSession session, IReadOnlyDictionary<string, NodeMetadata> values, string kind, string name,
        TensorElementType elementType, int rank)
    {
        if (!values.TryGetValue(name, out var metadata))
        {
            throw new InvalidDataException(
                $"ONNX model {session.Name} has no {kind} '{name}' (it has {string.Join(", ", values.Keys)}).");
        }

        if (!metadata.IsTensor || metadata.ElementDataType != elementType || metadata.Dimensions.Length != rank)
        {
            throw new InvalidDataException(
                $"ONNX model {session.Name} {kind} '{name}' must be a rank-{rank} {elementType} tensor, " +
                $"not {metadata.ElementDataType} [{string.Join(", ", metadata.Dimensions)}].");
        }

        return metadata;
    }

    /// <summary>The size of a dimension fixed in the model; fails when it is chosen at run time.</summary>
    public static int FixedSize(OnnxModelSession session, string name, NodeMetadata metadata, int axis) =>
        metadata.Dimensions[axis] > 0
            ? metadata.Dimensions[axis]
            : throw new InvalidDataException(
                $"ONNX model {session.Name} value '{name}' must have a fixed size on axis {axis}, not a run-time one.");
}
