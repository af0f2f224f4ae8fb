using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Scoring.Runtime;

/// <summary>
/// Dummy inputs for the warm-up run: every input as a zero-filled tensor with each run-time
/// dimension set to 1. Zeros are valid for every Katalyst model (id 0 is the padding feature).
/// </summary>
internal static class WarmUpInputs
{
    public static List<OrtValue> Create(string model, IReadOnlyDictionary<string, NodeMetadata> inputs)
    {
        var values = new List<OrtValue>(inputs.Count);
        try
        {
            foreach (var (name, metadata) in inputs)
            {
                values.Add(Create(model, name, metadata));
            }

            return values;
        }
        catch
        {
            values.ForEach(value => value.Dispose());
            throw;
        }
    }

    private static OrtValue Create(string model, string name, NodeMetadata metadata)
    {
        if (!metadata.IsTensor)
        {
            throw new NotSupportedException(
                $"ONNX model {model} input '{name}' is a {metadata.OnnxValueType}; only tensor inputs can be warmed up.");
        }

        var shape = metadata.Dimensions.Select(dim => dim > 0 ? (long)dim : 1L).ToArray();
        if (metadata.IsString)
        {
            return OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, shape);
        }

        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, metadata.ElementDataType, shape);
        value.GetTensorMutableRawData().Clear();
        return value;
    }
}
