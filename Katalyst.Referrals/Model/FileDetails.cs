namespace Katalyst.Referrals.Model;

/// <summary>
/// A typed <c>fileDetails</c> document (<c>files/&lt;fileId&gt;.xml</c>): what the ESP said
/// about one file. Lists are never null.
/// </summary>
/// <param name="ReportId">The report the file belongs to.</param>
/// <param name="FileId">Names the bytes file <c>files/&lt;fileId&gt;.&lt;ext&gt;</c> (xs:token, whitespace collapsed).</param>
/// <param name="FileName">The name the ESP gave the file it sent.</param>
/// <param name="OriginalFileName">The name the file had when the user uploaded it.</param>
/// <param name="UploadedToEspTimestamp">When the user uploaded it.</param>
/// <param name="LocationOfFile">The URL where the file was.</param>
/// <param name="FileViewedByEsp">Whether a person at the ESP viewed the file; null when not stated (legal gating).</param>
/// <param name="ExifViewedByEsp">Whether the ESP viewed the EXIF data; null when not stated.</param>
/// <param name="PubliclyAvailable">Whether the file was publicly accessible; null when not stated.</param>
/// <param name="FileRelevance">Reported (the default) or Supplemental Reported.</param>
/// <param name="PotentialMeme">The older top-level <c>potentialMeme</c> (the schema's alternative to <c>fileAnnotations</c>).</param>
/// <param name="FileAnnotations">The ESP's tags on the file.</param>
/// <param name="UnknownAnnotations">Names of annotation elements the schema does not define.</param>
/// <param name="IndustryClassification">A1/A2/B1/B2 from the industry hash-sharing scale.</param>
/// <param name="OriginalFileHashes">Hashes the ESP computed at upload.</param>
/// <param name="IpCaptureEvent">The upload IP address (the schema allows one).</param>
/// <param name="DeviceIds">Devices used to upload.</param>
/// <param name="Details">Technical metadata (EXIF, hashes) as name/value pairs.</param>
/// <param name="AdditionalInfo">Free-text notes.</param>
/// <param name="UnknownElements">Elements and attributes the schema does not define, kept as raw XML.</param>
public sealed record FileDetails(
    long ReportId,
    string FileId,
    string? FileName,
    string? OriginalFileName,
    DateTimeOffset? UploadedToEspTimestamp,
    string? LocationOfFile,
    bool? FileViewedByEsp,
    bool? ExifViewedByEsp,
    bool? PubliclyAvailable,
    FileRelevance FileRelevance,
    bool? PotentialMeme,
    FileAnnotations FileAnnotations,
    IReadOnlyList<string> UnknownAnnotations,
    IndustryClassification? IndustryClassification,
    IReadOnlyList<FileHash> OriginalFileHashes,
    IpCaptureEvent? IpCaptureEvent,
    IReadOnlyList<DeviceId> DeviceIds,
    IReadOnlyList<FileMetadata> Details,
    IReadOnlyList<string> AdditionalInfo,
    IReadOnlyList<UnknownElement> UnknownElements)
{
    /// <summary>True when either the top-level <c>potentialMeme</c> or the annotation says so.</summary>
    public bool IsPotentialMeme => PotentialMeme == true || FileAnnotations.HasFlag(FileAnnotations.PotentialMeme);
}

/// <summary>The schema's <c>fileRelevance</c>.</summary>
public enum FileRelevance
{
    /// <summary>"Reported": the file is what the report is about (the default).</summary>
    Reported,

    /// <summary>"Supplemental Reported": context for the report.</summary>
    SupplementalReported,
}

/// <summary>The schema's <c>fileClassification</c> (industry hash-sharing categories).</summary>
public enum IndustryClassification
{
    /// <summary>A1: prepubescent minor, sex act.</summary>
    A1,

    /// <summary>A2: prepubescent minor, lascivious exhibition.</summary>
    A2,

    /// <summary>B1: pubescent minor, sex act.</summary>
    B1,

    /// <summary>B2: pubescent minor, lascivious exhibition.</summary>
    B2,
}

/// <summary>The schema's <c>hash</c>: a value and its type as the ESP named it.</summary>
/// <param name="HashType">E.g. MD5, SHA1, PDQ (free text in the schema).</param>
/// <param name="Value">The hash as written.</param>
public sealed record FileHash(string HashType, string Value);

/// <summary>One <c>details</c> block of technical metadata.</summary>
/// <param name="Type">EXIF or HASH, when given.</param>
/// <param name="NameValuePairs">The metadata.</param>
public sealed record FileMetadata(string? Type, IReadOnlyList<MetadataPair> NameValuePairs);

/// <summary>One <c>nameValuePair</c>.</summary>
/// <param name="Name">The metadata name.</param>
/// <param name="Value">The metadata value.</param>
public sealed record MetadataPair(string Name, string Value);
