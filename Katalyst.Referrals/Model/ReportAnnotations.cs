namespace Katalyst.Referrals.Model;

/// <summary>
/// The tags an ESP put on the whole incident (<c>incidentSummary/reportAnnotations</c>).
/// Each schema element is present (true) or absent; there is no "false".
/// </summary>
[Flags]
public enum ReportAnnotations
{
    /// <summary>No annotation was given.</summary>
    None = 0,

    /// <summary><c>sextortion</c>.</summary>
    Sextortion = 1 << 0,

    /// <summary><c>csamSolicitation</c>.</summary>
    CsamSolicitation = 1 << 1,

    /// <summary><c>minorToMinorInteraction</c>.</summary>
    MinorToMinorInteraction = 1 << 2,

    /// <summary><c>spam</c>.</summary>
    Spam = 1 << 3,

    /// <summary><c>sadisticOnlineExploitation</c>.</summary>
    SadisticOnlineExploitation = 1 << 4,
}
