using System.Globalization;
using System.Text;

namespace Katalyst.Scoring.Evaluation;

/// <summary>
/// Counts of (actual class, predicted class) for a single-label classifier, e.g. tiers 1–5. Classes are
/// numbered 0 to <see cref="Classes"/> − 1 and named for printing. Not thread-safe while being filled.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] counts;

    /// <summary>An empty matrix over the named classes (at least two).</summary>
    public ConfusionMatrix(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count < 2)
        {
            throw new ArgumentException($"A confusion matrix needs at least 2 classes (had {classNames.Count}).", nameof(classNames));
        }

        ClassNames = [.. classNames];
        counts = new int[classNames.Count, classNames.Count];
    }

    /// <summary>The class names, by class number.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>How many classes there are.</summary>
    public int Classes => ClassNames.Count;

    /// <summary>How many decisions were added.</summary>
    public int Total { get; private set; }

    /// <summary>How many items of class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    public int this[int actual, int predicted] => counts[CheckClass(actual, nameof(actual)), CheckClass(predicted, nameof(predicted))];

    /// <summary>Counts one decision.</summary>
    public void Add(int actual, int predicted)
    {
        counts[CheckClass(actual, nameof(actual)), CheckClass(predicted, nameof(predicted))]++;
        Total++;
    }

    /// <summary>The fraction of decisions on the diagonal; 0 when empty.</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Enumerable.Range(0, Classes).Sum(c => counts[c, c]) / Total;

    /// <summary>A one-vs-rest view of class <paramref name="c"/>: its recall, precision and F1.</summary>
    public BinaryCounts For(int c)
    {
        CheckClass(c, nameof(c));
        int actual = 0, predicted = 0;
        for (var other = 0; other < Classes; other++)
        {
            actual += counts[c, other];
            predicted += counts[other, c];
        }

        var tp = counts[c, c];
        return new BinaryCounts(tp, predicted - tp, actual - tp, Total - actual - predicted + tp);
    }

    /// <summary>The matrix as text: a row per actual class, a column per predicted class.</summary>
    public string ToTable()
    {
        var width = Math.Max(8, ClassNames.Max(n => n.Length) + 1);
        var sb = new StringBuilder();
        sb.Append("actual \\ predicted".PadRight(width + 10));
        foreach (var name in ClassNames)
        {
            sb.Append(name.PadLeft(width));
        }

        sb.Append('\n');
        for (var a = 0; a < Classes; a++)
        {
            sb.Append(ClassNames[a].PadRight(width + 10));
            for (var p = 0; p < Classes; p++)
            {
                sb.Append(counts[a, p].ToString("N0", CultureInfo.InvariantCulture).PadLeft(width));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private int CheckClass(int c, string name) =>
        c >= 0 && c < Classes ? c : throw new ArgumentOutOfRangeException(name, c, $"a class number must be 0 to {Classes - 1}");
}
