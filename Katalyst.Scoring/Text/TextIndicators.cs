namespace Katalyst.Scoring.Text;

/// <summary>
/// The seven text indicators of triage-policy.md, in the order of the model's outputs (and of the columns of a
/// generated batch's <c>labels.csv</c>).
/// </summary>
public static class TextIndicators
{
    /// <summary>The indicator names, in output order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "sextortion", "grooming", "meeting", "production", "contact_abuse", "trafficking", "self_harm_risk",
    ];

    /// <summary>How many indicators (model outputs) there are.</summary>
    public const int Count = 7;
}
