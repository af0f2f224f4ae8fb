using Katalyst.Scoring.Evaluation;

namespace Katalyst.Scoring.Tests.Evaluation;

public sealed class MultiLabelReportTests
{
    [Fact]
    public void Evaluate_HandExample_PerLabelAndMacroF1()
    {
        bool[][] truth = [[true, false], [true, true], [false, false], [false, true]];
        float[][] p = [[0.9f, 0.1f], [0.4f, 0.8f], [0.2f, 0.7f], [0.1f, 0.6f]];
        var report = MultiLabelReport.Evaluate(["a", "b"], truth, p, [0.5f, 0.5f]);

        // a: predicted [T,F,F,F] → TP 1, FN 1 → F1 2/3. b: predicted [F,T,T,T] → TP 2, FP 1 → F1 0.8.
        Assert.Equal(2.0 / 3, report.Labels[0].Counts.F1, 10);
        Assert.Equal(0.8, report.Labels[1].Counts.F1, 10);
        Assert.Equal((2.0 / 3 + 0.8) / 2, report.MacroF1, 10);
        Assert.Equal(1.0, report.Labels[0].Auc);
        Assert.Contains("macro F1 0.7333", report.ToTable(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RowWithWrongWidth_ThrowsNamingIt()
    {
        bool[][] truth = [[true, false], [true]];
        float[][] p = [[0.9f, 0.1f], [0.4f, 0.8f]];
        var ex = Assert.Throws<ArgumentException>(() => MultiLabelReport.Evaluate(["a", "b"], truth, p, [0.5f, 0.5f]));
        Assert.Contains("Item 1", ex.Message, StringComparison.Ordinal);
    }
}
