namespace Katalyst.Scoring.Runtime;

/// <summary>Checks a flat row-major batch buffer against its stated rows and width before it reaches ONNX Runtime.</summary>
internal static class BatchShape
{
    /// <summary>rows × width, after checking both are sensible and every buffer holds at least that many values.</summary>
    public static int Check(int rows, int width, params (string Name, int Length)[] buffers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "Width must be at least 1 (pad short rows).");
        }

        var count = (long)rows * width;
        if (count > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"A batch of {rows} × {width} values is too large for one run.");
        }

        foreach (var (name, length) in buffers)
        {
            if (length < count)
            {
                throw new ArgumentException(
                    $"{name} holds {length} values but {rows} rows × width {width} need {count}.", name);
            }
        }

        return (int)count;
    }
}
