namespace Katalyst.Scoring.Priority;

/// <summary>The policy's seven text indicators, in the order every model and vector uses.</summary>
public static class TextIndicatorNames
{
    /// <summary>sextortion, grooming, meeting, production, contact_abuse, trafficking, self_harm_risk.</summary>
    public static IReadOnlyList<string> All { get; } =
        ["sextortion", "grooming", "meeting", "production", "contact_abuse", "trafficking", "self_harm_risk"];
}
