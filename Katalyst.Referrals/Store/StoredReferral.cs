using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Store;

/// <summary>A referral as stored: the envelope, the typed report read back from the XML kept as received, and its files.</summary>
/// <param name="Summary">The list-view facts.</param>
/// <param name="Manifest">NCMEC's envelope, read back from the manifest kept as received.</param>
/// <param name="Report">The typed report, read back from <paramref name="ReportXml"/>.</param>
/// <param name="ReportXml">report.xml as received, for audit.</param>
/// <param name="Files">Every file of the referral, by file id.</param>
/// <param name="ImportedAt">When Katalyst stored it (UTC).</param>
public sealed record StoredReferral(
    ReferralSummary Summary,
    ReferralManifest Manifest,
    EspReport Report,
    string ReportXml,
    IReadOnlyList<StoredFile> Files,
    DateTimeOffset ImportedAt);

/// <summary>One stored file of a referral.</summary>
/// <param name="FileId">The file's id.</param>
/// <param name="Details">The typed fileDetails, when the package had one.</param>
/// <param name="DetailsXml">The fileDetails document as received.</param>
/// <param name="BytesName">The bytes file's name in the package, when the bytes were received.</param>
/// <param name="Sha256">The evidence address, when the bytes were received.</param>
/// <param name="Md5">MD5 of the bytes.</param>
/// <param name="Sha1">SHA-1 of the bytes.</param>
/// <param name="ByteLength">The number of bytes.</param>
/// <param name="EspHashMismatch">True when a hash the ESP stated disagrees with the bytes.</param>
public sealed record StoredFile(
    string FileId,
    FileDetails? Details,
    string? DetailsXml,
    string? BytesName,
    string? Sha256,
    string? Md5,
    string? Sha1,
    long? ByteLength,
    bool EspHashMismatch);
