namespace Katalyst.Scoring.Text;

/// <summary>
/// A text's features: bucket ids in ascending order, each once, with their values (an L2-normalised vector).
/// Both arrays have the same length; an empty text has none.
/// </summary>
/// <param name="Ids">Bucket ids, 1 to <see cref="TextFeaturizer.BucketCount"/> − 1, ascending, distinct.</param>
/// <param name="Values">The value of each id.</param>
public sealed record SparseFeatures(int[] Ids, float[] Values)
{
    /// <summary>How many features are set.</summary>
    public int Count => Ids.Length;
}
