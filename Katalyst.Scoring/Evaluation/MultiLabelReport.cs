using System.Globalization;
using System.Text;

namespace Katalyst.Scoring.Evaluation;

/// <summary>One label's figures on an evaluation set.</summary>
/// <param name="Label">The label's name.</param>
/// <param name="Threshold">The decision threshold used.</param>
/// <param name="Counts">TP/FP/FN/TN at that threshold (precision, recall and F1 follow).</param>
/// <param name="Auc">ROC-AUC of the probabilities; null when the set has no positive or no negative.</param>
/// <param name="Brier">Brier score of the probabilities.</param>
public sealed record LabelEvaluation(string Label, float Threshold, BinaryCounts Counts, double? Auc, double Brier);

/// <summary>Per-label figures of a multi-label classifier and their macro average.</summary>
/// <param name="Labels">One entry per label, in the classifier's output order.</param>
public sealed record MultiLabelReport(IReadOnlyList<LabelEvaluation> Labels)
{
    /// <summary>The unweighted mean of the labels' F1.</summary>
    public double MacroF1 => Labels.Average(l => l.Counts.F1);

    /// <summary>Evaluates probabilities against the truth, a row per item and a column per label.</summary>
    public static MultiLabelReport Evaluate(
        IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<bool>> truth, IReadOnlyList<IReadOnlyList<float>> probabilities,
        IReadOnlyList<float> thresholds)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(thresholds);
        BinaryCounts.SameLength(truth.Count, probabilities.Count, nameof(probabilities));
        if (thresholds.Count != names.Count)
        {
            throw new ArgumentException($"There are {names.Count} labels but {thresholds.Count} thresholds.", nameof(thresholds));
        }

        var row = Enumerable.Range(0, truth.Count).FirstOrDefault(i => truth[i].Count != names.Count || probabilities[i].Count != names.Count, -1);
        if (row >= 0)
        {
            throw new ArgumentException($"Item {row} does not have {names.Count} labels and {names.Count} probabilities.", nameof(truth));
        }

        var labels = new List<LabelEvaluation>(names.Count);
        for (var k = 0; k < names.Count; k++)
        {
            var t = truth.Select(r => r[k]).ToArray();
            var p = probabilities.Select(r => r[k]).ToArray();
            var threshold = thresholds[k];
            var counts = BinaryCounts.Count(t, [.. p.Select(x => x >= threshold)]);
            labels.Add(new LabelEvaluation(names[k], threshold, counts, RocAuc.Compute(t, p), Calibration.BrierScore(t, p)));
        }

        return new MultiLabelReport(labels);
    }

    /// <summary>A printable table: label, positives, precision, recall, F1, ROC-AUC, Brier, threshold; then macro F1.</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"{"label",-16}{"positives",10}{"precision",10}{"recall",8}{"F1",8}{"ROC-AUC",9}{"Brier",9}{"threshold",11}\n");
        foreach (var l in Labels)
        {
            var auc = l.Auc is { } a ? a.ToString("F4", c) : "n/a";
            sb.Append(c, $"{l.Label,-16}{l.Counts.Positives,10:N0}{l.Counts.Precision,10:F4}{l.Counts.Recall,8:F4}{l.Counts.F1,8:F4}{auc,9}{l.Brier,9:F5}{l.Threshold,11:F4}\n");
        }

        sb.Append(c, $"macro F1 {MacroF1:F4}\n");
        return sb.ToString();
    }
}
