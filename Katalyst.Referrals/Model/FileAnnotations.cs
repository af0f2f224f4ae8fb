namespace Katalyst.Referrals.Model;

/// <summary>
/// The tags an ESP put on one file (<c>fileDetails/fileAnnotations</c>).
/// Each schema element is present (true) or absent; there is no "false".
/// </summary>
[Flags]
public enum FileAnnotations
{
    /// <summary>No annotation was given.</summary>
    None = 0,

    /// <summary><c>animeDrawingVirtualHentai</c>.</summary>
    AnimeDrawingVirtualHentai = 1 << 0,

    /// <summary><c>potentialMeme</c>.</summary>
    PotentialMeme = 1 << 1,

    /// <summary><c>viral</c>.</summary>
    Viral = 1 << 2,

    /// <summary><c>possibleSelfProduction</c>.</summary>
    PossibleSelfProduction = 1 << 3,

    /// <summary><c>physicalHarm</c>.</summary>
    PhysicalHarm = 1 << 4,

    /// <summary><c>violenceGore</c>.</summary>
    ViolenceGore = 1 << 5,

    /// <summary><c>bestiality</c>.</summary>
    Bestiality = 1 << 6,

    /// <summary><c>liveStreaming</c>.</summary>
    LiveStreaming = 1 << 7,

    /// <summary><c>infant</c>.</summary>
    Infant = 1 << 8,

    /// <summary><c>generativeAi</c>.</summary>
    GenerativeAi = 1 << 9,
}
