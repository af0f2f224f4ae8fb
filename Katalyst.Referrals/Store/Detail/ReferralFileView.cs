using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Store.Detail;

/// <summary>One file of a referral as the referral page lists it: what it is, its hashes and what the ESP said of it.</summary>
/// <param name="FileId">The file's id in the package.</param>
/// <param name="Name">The name the ESP gave it, else the upload name, else the bytes file's name, else the id.</param>
/// <param name="Type">What kind of file it is, from its extension, e.g. <c>image (png)</c>; <c>unknown</c> without one.</param>
/// <param name="ByteLength">Its size in bytes; null when NCMEC did not forward the bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes as received; null without bytes.</param>
/// <param name="Md5">MD5 of the bytes; null without bytes.</param>
/// <param name="Sha1">SHA-1 of the bytes; null without bytes.</param>
/// <param name="EspHashMismatch">True when a hash the ESP stated disagrees with the bytes.</param>
/// <param name="ViewedByEsp">Whether a person at the ESP viewed the file; null when the ESP did not say.</param>
/// <param name="PubliclyAvailable">Whether the file was publicly accessible; null when the ESP did not say.</param>
/// <param name="Relevance">Reported, or supplemental context.</param>
/// <param name="Annotations">The ESP's annotations in the schema's spelling, unknown ones included.</param>
/// <param name="IndustryClassification">A1/A2/B1/B2, when the ESP gave one.</param>
/// <param name="EspHashes">Hashes the ESP stated (type and value).</param>
/// <param name="Analysis">The file's media analysis (PDQ, quality, known or new material); null until it is analysed.</param>
public sealed record ReferralFileView(
    string FileId,
    string Name,
    string Type,
    long? ByteLength,
    string? Sha256,
    string? Md5,
    string? Sha1,
    bool EspHashMismatch,
    bool? ViewedByEsp,
    bool? PubliclyAvailable,
    FileRelevance Relevance,
    IReadOnlyList<string> Annotations,
    IndustryClassification? IndustryClassification,
    IReadOnlyList<FileHash> EspHashes,
    Analysis.StoredFileAnalysis? Analysis)
{
    private static readonly (FileAnnotations Flag, string Name)[] AnnotationNames =
    [
        (FileAnnotations.AnimeDrawingVirtualHentai, "animeDrawingVirtualHentai"),
        (FileAnnotations.PotentialMeme, "potentialMeme"),
        (FileAnnotations.Viral, "viral"),
        (FileAnnotations.PossibleSelfProduction, "possibleSelfProduction"),
        (FileAnnotations.PhysicalHarm, "physicalHarm"),
        (FileAnnotations.ViolenceGore, "violenceGore"),
        (FileAnnotations.Bestiality, "bestiality"),
        (FileAnnotations.LiveStreaming, "liveStreaming"),
        (FileAnnotations.Infant, "infant"),
        (FileAnnotations.GenerativeAi, "generativeAi"),
    ];

    /// <summary>Builds the view of one stored file, with its analysis when it has one.</summary>
    public static ReferralFileView From(StoredFile file, Analysis.StoredFileAnalysis? analysis = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var details = file.Details;
        var annotations = new List<string>();
        if (details is not null)
        {
            annotations.AddRange(AnnotationNames.Where(a => details.FileAnnotations.HasFlag(a.Flag)).Select(a => a.Name));
            if (details.PotentialMeme == true && !annotations.Contains("potentialMeme"))
            {
                annotations.Add("potentialMeme");
            }

            annotations.AddRange(details.UnknownAnnotations);
        }

        var name = FirstGiven(details?.FileName, details?.OriginalFileName, file.BytesName) ?? file.FileId;
        return new ReferralFileView(
            file.FileId,
            name,
            FileKinds.Describe(FirstGiven(file.BytesName, details?.FileName, details?.OriginalFileName)),
            file.ByteLength,
            file.Sha256,
            file.Md5,
            file.Sha1,
            file.EspHashMismatch,
            details?.FileViewedByEsp,
            details?.PubliclyAvailable,
            details?.FileRelevance ?? FileRelevance.Reported,
            annotations,
            details?.IndustryClassification,
            details?.OriginalFileHashes ?? [],
            analysis);
    }

    private static string? FirstGiven(params string?[] names) => names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
}
