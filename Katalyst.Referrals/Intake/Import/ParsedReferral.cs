using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>One file of a referral: its fileDetails document, its bytes, or both.</summary>
/// <param name="FileId">The file's id: the fileDetails <c>fileId</c>, or the bytes file's name without extension.</param>
/// <param name="Details">The parsed fileDetails, when the package had one.</param>
/// <param name="DetailsXml">The fileDetails document as received, when the package had one.</param>
/// <param name="BytesName">The bytes file's name under <c>files/</c>, when the package had the bytes.</param>
/// <param name="Hashes">Katalyst's hashes of the bytes, when the package had them.</param>
/// <param name="EspHashMismatch">True when an MD5 or SHA1 the ESP supplied disagrees with the bytes.</param>
public sealed record ReferralFile(
    string FileId,
    FileDetails? Details,
    string? DetailsXml,
    string? BytesName,
    EvidenceHashes? Hashes,
    bool EspHashMismatch);

/// <summary>A package read whole and found valid, ready to store.</summary>
/// <param name="Package">Where it came from.</param>
/// <param name="Manifest">NCMEC's envelope.</param>
/// <param name="Report">The typed report.xml.</param>
/// <param name="ReportXml">report.xml as received.</param>
/// <param name="Files">Every file of the package.</param>
/// <param name="Fingerprint">SHA-256 over every entry's path and bytes: equal fingerprints are the same package.</param>
public sealed record ParsedReferral(
    string Package,
    ReferralManifest Manifest,
    EspReport Report,
    string ReportXml,
    IReadOnlyList<ReferralFile> Files,
    string Fingerprint);
