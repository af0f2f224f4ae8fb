using Katalyst.Scoring.Evaluation;

namespace Katalyst.Scoring.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Add_HandExample_CountsAccuracyAndPerClass()
    {
        var m = new ConfusionMatrix(["IMMEDIATE", "HIGH", "MEDIUM"]);
        (int Actual, int Predicted)[] decisions = [(0, 0), (0, 0), (0, 1), (1, 1), (1, 2), (2, 2), (2, 2), (2, 0)];
        foreach (var (a, p) in decisions)
        {
            m.Add(a, p);
        }

        Assert.Equal(8, m.Total);
        Assert.Equal(2, m[0, 0]);
        Assert.Equal(1, m[2, 0]);
        Assert.Equal(5.0 / 8, m.Accuracy, 10);
        var immediate = m.For(0); // actual 0: 3 (2 right); predicted 0: 3 (2 right)
        Assert.Equal(new BinaryCounts(2, 1, 1, 4), immediate);
        Assert.Equal(2.0 / 3, immediate.Recall, 10);
    }

    [Fact]
    public void ToTable_Filled_NamesRowsAndColumns()
    {
        var m = new ConfusionMatrix(["A", "B"]);
        m.Add(1, 0);
        var table = m.ToTable();
        Assert.Contains("actual \\ predicted", table, StringComparison.Ordinal);
        Assert.Equal(3, table.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public void Add_ClassOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfusionMatrix(["A", "B"]).Add(2, 0));

    [Fact]
    public void Constructor_OneClass_Throws() =>
        Assert.Throws<ArgumentException>(() => new ConfusionMatrix(["only"]));
}
