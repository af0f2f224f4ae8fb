namespace Katalyst.Scoring.Onnx;

/// <summary>
/// One dimension of a graph input or output: a fixed size (e.g. 7 outputs) or a symbolic name
/// (e.g. <c>"N"</c> for the batch) that the caller chooses at run time. Converts implicitly from
/// <see cref="long"/> and <see cref="string"/>, so a shape reads <c>("N", 7)</c>.
/// </summary>
public readonly record struct OnnxDimension
{
    private OnnxDimension(long? size, string? symbol)
    {
        Size = size;
        Symbol = symbol;
    }

    /// <summary>The fixed size, or null for a symbolic dimension.</summary>
    public long? Size { get; }

    /// <summary>The symbolic name, or null for a fixed dimension.</summary>
    public string? Symbol { get; }

    /// <summary>A dimension of fixed size; must not be negative.</summary>
    public static OnnxDimension Fixed(long size) =>
        size >= 0
            ? new OnnxDimension(size, null)
            : throw new ArgumentOutOfRangeException(nameof(size), size, "A tensor dimension cannot be negative.");

    /// <summary>A dimension whose size is chosen at run time, named so that equal names mean equal sizes.</summary>
    public static OnnxDimension Symbolic(string symbol) =>
        !string.IsNullOrWhiteSpace(symbol)
            ? new OnnxDimension(null, symbol)
            : throw new ArgumentException("A symbolic dimension needs a name, e.g. \"N\".", nameof(symbol));

    /// <summary>Same as <see cref="Fixed"/>.</summary>
    public static implicit operator OnnxDimension(long size) => Fixed(size);

    /// <summary>Same as <see cref="Symbolic"/>.</summary>
    public static implicit operator OnnxDimension(string symbol) => Symbolic(symbol);

    /// <inheritdoc />
    public override string ToString() => Symbol ?? Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
}
