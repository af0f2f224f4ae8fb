namespace Katalyst.Scoring.Priority;

/// <summary>One input of the priority model: a stable name and the sentence an investigator reads when it is present.</summary>
/// <param name="Name">Stable name, e.g. <c>escalated</c> or <c>text.sextortion</c>; reasons carry it.</param>
/// <param name="Description">What the signal says about the referral when present, e.g. "The ESP escalated the report".
/// Whether it raised or lowered the score is the sign of its contribution.</param>
public sealed record Signal(string Name, string Description);
