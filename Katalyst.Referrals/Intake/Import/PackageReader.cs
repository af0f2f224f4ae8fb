using System.Security.Cryptography;
using System.Text;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Intake.Parsing;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// Reads one package whole: manifest, report.xml, every fileDetails and every file's bytes (into the evidence
/// store, or, without one, only hashed: for scoring packages on disk). Any fault rejects the whole package with
/// the file, line, element and reason. Intake and <c>katalyst score</c> share it, so both keep the same rules.
/// </summary>
internal sealed class PackageReader(EvidenceStore? evidence, IntakeOptions options)
{
    private const string ReportName = "report.xml";
    private const string FilesFolder = "files/";

    public async Task<PackageOutcome> ReadAsync(ReferralPackage package, CancellationToken cancellationToken)
    {
        var stored = new List<string>();
        var outcome = await ReadAsync(package, stored, cancellationToken);
        return outcome.Rejection is null ? outcome : outcome with { StoredBytes = stored };
    }

    private async Task<PackageOutcome> ReadAsync(ReferralPackage package, List<string> stored, CancellationToken cancellationToken)
    {
        long? reportId = null;
        try
        {
            var layout = PackageLayout.Of(package, options.MaxFilesPerPackage);
            var fingerprint = new SortedDictionary<string, string>(StringComparer.Ordinal);

            var manifestBytes = await ReadSmallAsync(layout.Manifest, fingerprint, cancellationToken);
            var manifest = ManifestParser.Parse(manifestBytes);
            reportId = manifest.ReportId;

            var reportBytes = await ReadSmallAsync(layout.Report ?? throw Missing(ReportName), fingerprint, cancellationToken);
            var report = ReportXmlParser.Parse(new MemoryStream(reportBytes, writable: false), ReportName, options.MaxXmlBytes);

            var files = await ReadFilesAsync(layout, manifest, fingerprint, stored, cancellationToken);
            return new PackageOutcome(
                new ParsedReferral(package.Name, manifest, report, XmlText.Decode(reportBytes), files, Fingerprint(fingerprint)),
                null);
        }
        catch (ReferralFormatException ex)
        {
            return Reject(package, reportId, ex.FileName == package.Name ? null : ex.FileName, ex.LineNumber, ex.Element, ex.Reason);
        }
        catch (EvidenceTooLargeException ex)
        {
            return Reject(package, reportId, null, null, null, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Reject(package, reportId, null, null, null, $"cannot be read: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever went wrong with this package, the rest of the batch goes on; the reason is kept.
            return Reject(package, reportId, null, null, null, $"could not be imported ({ex.GetType().Name}): {ex.Message}");
        }
    }

    private async Task<List<ReferralFile>> ReadFilesAsync(
        PackageLayout layout, ReferralManifest manifest, SortedDictionary<string, string> fingerprint, List<string> stored, CancellationToken cancellationToken)
    {
        var details = new Dictionary<string, (FileDetails Details, string Xml)>(StringComparer.Ordinal);
        foreach (var entry in layout.DetailsDocuments)
        {
            var name = entry.Path;
            var bytes = await ReadSmallAsync(entry, fingerprint, cancellationToken);
            var parsed = FileDetailsXmlParser.Parse(new MemoryStream(bytes, writable: false), name, options.MaxXmlBytes);
            var stem = Path.GetFileNameWithoutExtension(name);
            if (parsed.ReportId != manifest.ReportId)
            {
                throw new ReferralFormatException(name,
                    "fileDetails/reportId", $"reportId {parsed.ReportId} differs from the manifest's reportId {manifest.ReportId}");
            }

            if (!string.Equals(parsed.FileId, stem, StringComparison.Ordinal))
            {
                throw new ReferralFormatException(name,
                    "fileDetails/fileId", $"fileId \"{parsed.FileId}\" does not match the document's name \"{stem}.xml\"");
            }

            details.Add(stem, (parsed, XmlText.Decode(bytes)));
        }

        var files = new List<ReferralFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in layout.Bytes)
        {
            var stem = StemOf(entry.Path);
            if (!seen.Add(stem))
            {
                throw new ReferralFormatException(entry.Path, null, $"two byte files share the fileId \"{stem}\"");
            }

            var hashes = await StoreBytesAsync(entry, stored, cancellationToken);
            fingerprint[entry.Path] = hashes.Sha256;
            details.TryGetValue(stem, out var detail);
            files.Add(new ReferralFile(stem, detail.Details, detail.Xml, entry.Path[FilesFolder.Length..], hashes,
                EspHashes.Disagree(detail.Details, hashes)));
        }

        files.AddRange(details
            .Where(d => !seen.Contains(d.Key))
            .Select(d => new ReferralFile(d.Key, d.Value.Details, d.Value.Xml, null, null, false)));
        files.Sort((a, b) => string.CompareOrdinal(a.FileId, b.FileId));
        return files;
    }

    private async Task<EvidenceHashes> StoreBytesAsync(PackageEntry entry, List<string> stored, CancellationToken cancellationToken)
    {
        if (entry.Length > options.MaxFileBytes)
        {
            throw new ReferralFormatException(entry.Path, null, $"the file is {entry.Length:N0} bytes, over the limit of {options.MaxFileBytes:N0}");
        }

        EvidenceHashes hashes;
        await using (var stream = entry.Open())
        {
            hashes = evidence is null
                ? await EvidenceStore.CopyAndHashAsync(stream, null, options.MaxFileBytes, cancellationToken)
                : await evidence.AddAsync(stream, options.MaxFileBytes, cancellationToken);
        }

        if (evidence is not null)
        {
            stored.Add(hashes.Sha256);
        }

        long pixels;
        if (evidence is null)
        {
            await using var again = entry.Open();
            pixels = ImageHeader.Pixels(again);
        }
        else
        {
            pixels = ImageHeader.Pixels(evidence.PathOf(hashes.Sha256));
        }

        if (pixels > options.MaxImagePixels)
        {
            throw new ReferralFormatException(entry.Path, null, $"the image has {pixels:N0} pixels, over the limit of {options.MaxImagePixels:N0}");
        }

        return hashes;
    }

    // Documents are small and bounded: read them synchronously in one go. Async reads of small files on this
    // path cost a thread-pool hop each and made listing and reading, not parsing, the import's bottleneck.
    private Task<byte[]> ReadSmallAsync(PackageEntry entry, SortedDictionary<string, string> fingerprint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (entry.Length > options.MaxXmlBytes)
        {
            throw new ReferralFormatException(entry.Path, null, $"the document is {entry.Length:N0} bytes, over the limit of {options.MaxXmlBytes:N0}");
        }

        using var stream = entry.Open();
        var content = new byte[entry.Length];
        stream.ReadExactly(content);

        // A zip entry can lie about its length, and a file can grow while being read: never trust the header.
        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) != 0)
        {
            throw new ReferralFormatException(entry.Path, null, "the document is longer than its stated length");
        }

        fingerprint[entry.Path] = Convert.ToHexStringLower(SHA256.HashData(content));
        return Task.FromResult(content);
    }

    private static string StemOf(string path)
    {
        var name = path[FilesFolder.Length..];
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name[..dot] : name;
    }

    private static string Fingerprint(SortedDictionary<string, string> entries)
    {
        var text = new StringBuilder();
        foreach (var (path, sha256) in entries)
        {
            text.Append(path).Append('\0').Append(sha256).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static ReferralFormatException Missing(string name) => new(name, null, $"the package has no {name}");

    private static PackageOutcome Reject(ReferralPackage package, long? reportId, string? file, int? line, string? element, string reason) =>
        new(null, new Rejection(package.Name, reportId, file, line, element, reason));
}
