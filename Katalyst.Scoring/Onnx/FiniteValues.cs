namespace Katalyst.Scoring.Onnx;

/// <summary>Refuses NaN and infinite weights before they reach a model, naming where the first one is.</summary>
internal static class FiniteValues
{
    /// <summary>
    /// Throws if any value is not finite. With <paramref name="columns"/> above zero the values are a
    /// row-major matrix and the error names [row, column]; otherwise it names the flat index.
    /// </summary>
    public static void Check(ReadOnlySpan<float> values, string argument, int columns = 0)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                var where = columns > 0 ? $"[{i / columns}, {i % columns}]" : $"[{i}]";
                throw new ArgumentException(
                    $"{argument}{where} is {values[i]}; every model weight must be a finite number.", argument);
            }
        }
    }
}
