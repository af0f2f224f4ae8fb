namespace Katalyst.Scoring.Text;

/// <summary>How <see cref="TextIndicatorTrainer"/> trains. The defaults are the ones the reported figures used.</summary>
public sealed class TextTrainingOptions
{
    /// <summary>Passes over the training examples. Default 30.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>AdaGrad's base learning rate. Default 1.</summary>
    public float LearningRate { get; init; } = 1f;

    /// <summary>L2 penalty on the weights a step touches. Default 1e-3: weaker penalties let small talk that happens
    /// to occur only in negatives learn negative weights and hide a rare indicator (held-out macro F1 0.91 at 1e-4).</summary>
    public float L2 { get; init; } = 1e-3f;

    /// <summary>Seeds the fold split and the example order: the same seed and data give the same model. Default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Folds for tuning thresholds: each fold's examples are scored by a model trained on the others, and each
    /// indicator's threshold maximises F1 over those out-of-fold scores. At least 2. Default 3.
    /// </summary>
    public int ThresholdFolds { get; init; } = 3;

    /// <summary>
    /// The most a positive example of a rare indicator weighs: sqrt(negatives / positives), capped here.
    /// Default 30.
    /// </summary>
    public float MaxPositiveWeight { get; init; } = 30f;

    /// <summary>The featurizer's cap on features per text. Default <see cref="TextFeaturizer.DefaultMaxFeatures"/>.</summary>
    public int MaxFeatures { get; init; } = TextFeaturizer.DefaultMaxFeatures;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        Require(Epochs >= 1, nameof(Epochs), "at least 1", Epochs);
        Require(LearningRate > 0 && float.IsFinite(LearningRate), nameof(LearningRate), "positive", LearningRate);
        Require(L2 >= 0 && float.IsFinite(L2), nameof(L2), "0 or more", L2);
        Require(ThresholdFolds >= 2, nameof(ThresholdFolds), "at least 2", ThresholdFolds);
        Require(MaxPositiveWeight >= 1 && float.IsFinite(MaxPositiveWeight), nameof(MaxPositiveWeight), "at least 1", MaxPositiveWeight);
        Require(MaxFeatures >= 1, nameof(MaxFeatures), "at least 1", MaxFeatures);
    }

    private static void Require(bool ok, string name, string rule, object value)
    {
        if (!ok)
        {
            throw new ArgumentException($"TextTrainingOptions.{name} must be {rule} (was {value}).", name);
        }
    }
}
