using Katalyst.Synthetic.Media;

namespace Katalyst.Synthetic.Referrals;

/// <summary>Where a file's content comes from.</summary>
internal enum FileSource
{
    KnownExact,
    NearDuplicate,
    New,
}

/// <summary>The ESP's file annotations.</summary>
[Flags]
internal enum FileFlags
{
    None = 0,
    PotentialMeme = 1,
    Viral = 2,
    GenerativeAi = 4,
    Infant = 8,
    PossibleSelfProduction = 16,
    LiveStreaming = 32,
    PhysicalHarm = 64,
}

/// <summary>Everything decided about one file of a referral.</summary>
internal sealed record FilePlan
{
    public required string FileId { get; init; }
    public required bool IsVideo { get; init; }
    public required FileSource Source { get; init; }
    public int KnownIndex { get; init; }
    public NearDuplicateKind NearKind { get; init; }
    public int NearAmount { get; init; }
    public PictureSpec? NewPicture { get; init; }
    public ImageEncoding Encoding { get; init; }
    public int JpegQuality { get; init; }
    public required string Extension { get; init; }
    public string? OriginalFileName { get; init; }
    public required DateTime UploadedAt { get; init; }
    public bool? ViewedByEsp { get; init; }
    public bool? ExifViewedByEsp { get; init; }
    public bool? PubliclyAvailable { get; init; }
    public string? Relevance { get; init; }
    public FileFlags Flags { get; init; }

    /// <summary>Write a lone potential meme as the older top-level <c>potentialMeme</c> element.</summary>
    public bool LegacyMemeElement { get; init; }

    public string? Classification { get; init; }
    public bool WithSha1 { get; init; }

    /// <summary>The ESP-supplied MD5 is deliberately wrong, to exercise intake's mismatch flag.</summary>
    public bool WrongMd5 { get; init; }

    public IpEvent? UploadIp { get; init; }

    /// <summary>This file without the annotations that make a referral urgent (infant, live streaming, harm).</summary>
    public FilePlan WithoutUrgentSigns()
    {
        const FileFlags urgent = FileFlags.Infant | FileFlags.LiveStreaming | FileFlags.PhysicalHarm | FileFlags.PossibleSelfProduction;
        return this with { Flags = Flags & ~urgent };
    }
}
