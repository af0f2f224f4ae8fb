namespace Katalyst.Scoring.Text;

/// <summary>A training example: free text and which of the seven indicators it expresses.</summary>
/// <param name="Text">The referral's free texts, joined.</param>
/// <param name="Labels">One flag per indicator, in <see cref="TextIndicators.Names"/> order.</param>
public sealed record LabelledText(string Text, IReadOnlyList<bool> Labels);
