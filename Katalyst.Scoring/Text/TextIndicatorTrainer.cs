using System.Diagnostics;
using Katalyst.Scoring.Evaluation;

namespace Katalyst.Scoring.Text;

/// <summary>What training produced: the model, its out-of-fold figures and how long each stage took.</summary>
/// <param name="Model">The model trained on every example, with the tuned thresholds.</param>
/// <param name="OutOfFold">Figures on the out-of-fold scores the thresholds were tuned on (optimistic: the
/// thresholds saw them). Judge the model on a held-out set of another seed instead.</param>
/// <param name="Featurizing">Time spent normalising and featurizing the texts.</param>
/// <param name="Fitting">Time spent fitting (every fold and the final model).</param>
/// <param name="TextsPerSecond">Featurizing throughput over all cores.</param>
public sealed record TextTrainingResult(
    TextIndicatorModel Model, MultiLabelReport OutOfFold, TimeSpan Featurizing, TimeSpan Fitting, double TextsPerSecond);

/// <summary>
/// Trains the multi-label text indicator model: featurize every text, fit one model per fold to score the
/// fold it left out, tune each indicator's threshold for F1 on those out-of-fold scores, then fit the final
/// model on every example. Deterministic for <see cref="TextTrainingOptions.Seed"/>.
/// </summary>
public static class TextIndicatorTrainer
{
    /// <summary>Trains on <paramref name="examples"/>; <paramref name="progress"/> hears each stage as it starts.</summary>
    /// <exception cref="ArgumentException">No examples, or one without seven labels or without text.</exception>
    public static TextTrainingResult Train(
        IReadOnlyList<LabelledText> examples, TextTrainingOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Check(examples);

        var featurizer = new TextFeaturizer(options.MaxFeatures);
        progress?.Report($"featurizing {examples.Count:N0} texts");
        var clock = Stopwatch.StartNew();
        var features = new SparseFeatures[examples.Count];
        Parallel.For(0, examples.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => features[i] = featurizer.Featurize(examples[i].Text));
        var featurizing = clock.Elapsed;
        var labels = examples.Select(e => e.Labels.ToArray()).ToArray();

        clock.Restart();
        var folds = Folds(examples.Count, options.ThresholdFolds, options.Seed);
        var outOfFold = new float[examples.Count][];
        for (var f = 0; f < options.ThresholdFolds; f++)
        {
            progress?.Report($"fold {f + 1} of {options.ThresholdFolds}");
            var train = Enumerable.Range(0, examples.Count).Where(i => folds[i] != f).ToArray();
            var (w, b) = SparseLogisticRegression.Fit(features, labels, train, options, options.Seed + f + 1, cancellationToken);
            foreach (var i in Enumerable.Range(0, examples.Count).Where(i => folds[i] == f))
            {
                outOfFold[i] = [.. TextIndicatorModel.Logits(w, b, features[i]).Select(TextIndicatorModel.Sigmoid)];
            }
        }

        var thresholds = Enumerable.Range(0, TextIndicators.Count)
            .Select(k => ThresholdTuner.BestF1([.. labels.Select(l => l[k])], [.. outOfFold.Select(p => p[k])]))
            .ToArray();

        progress?.Report("fitting the final model on every example");
        var (weights, bias) = SparseLogisticRegression.Fit(features, labels, [.. Enumerable.Range(0, examples.Count)], options, options.Seed, cancellationToken);
        var model = new TextIndicatorModel(weights, bias, thresholds, featurizer);
        var report = MultiLabelReport.Evaluate(TextIndicators.Names, labels, outOfFold, thresholds);
        return new TextTrainingResult(model, report, featurizing, clock.Elapsed, examples.Count / Math.Max(featurizing.TotalSeconds, 1e-9));
    }

    private static void Check(IReadOnlyList<LabelledText> examples)
    {
        if (examples.Count == 0)
        {
            throw new ArgumentException("There are no training examples.", nameof(examples));
        }

        for (var i = 0; i < examples.Count; i++)
        {
            var e = examples[i] ?? throw new ArgumentException($"Example {i} is null.", nameof(examples));
            if (e.Text is null || e.Labels is null || e.Labels.Count != TextIndicators.Count)
            {
                throw new ArgumentException(
                    $"Example {i} must have a text and {TextIndicators.Count} labels (had {e.Labels?.Count ?? 0}).", nameof(examples));
            }
        }
    }

    private static int[] Folds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var i = 0; i < count; i++)
        {
            fold[order[i]] = i % folds;
        }

        return fold;
    }
}
