namespace Katalyst.Scoring.Priority;

/// <summary>One input of the priority model: a stable name and the sentence an investigator reads when it counts.</summary>
/// <param name="Name">Stable name, e.g. <c>escalated</c> or <c>text.sextortion</c>; reasons carry it.</param>
/// <param name="Raises">The sentence when the signal raises urgency.</param>
/// <param name="Lowers">The sentence when the signal lowers urgency.</param>
public sealed record Signal(string Name, string Raises, string Lowers);
