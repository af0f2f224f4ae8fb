using Katalyst.Protos.V1;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Intake.Parsing;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Scoring;

/// <summary>A package read for scoring: the request, or why it could not be read (with the report number when known).</summary>
public sealed record PackageScoringInput(string Package, long? ReportId, ScoreRequest? Request, string? Error);

/// <summary>
/// Reads a package on disk straight into a scoring request, without storing anything: for <c>katalyst score</c> and
/// for training. The same format rules as intake apply; bytes are only hashed.
/// </summary>
public sealed class PackageScoringReader(ScoringContext context, IntakeOptions? options = null)
{
    private readonly IntakeOptions options = options ?? new IntakeOptions();

    /// <summary>Reads one package.</summary>
    public async Task<PackageScoringInput> ReadAsync(ReferralPackage package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        long? reportId = null;
        try
        {
            var layout = PackageLayout.Of(package, options.MaxFilesPerPackage);
            var manifest = ManifestParser.Parse(await ReadAllAsync(layout.Manifest, cancellationToken));
            reportId = manifest.ReportId;
            var reportEntry = layout.Report ?? throw new ReferralFormatException("report.xml", null, "the package has no report.xml");
            var report = ReportXmlParser.Parse(new MemoryStream(await ReadAllAsync(reportEntry, cancellationToken)), "report.xml", options.MaxXmlBytes);
            var details = new Dictionary<string, FileDetails>(StringComparer.Ordinal);
            foreach (var entry in layout.DetailsDocuments)
            {
                var parsed = FileDetailsXmlParser.Parse(new MemoryStream(await ReadAllAsync(entry, cancellationToken)), entry.Path, options.MaxXmlBytes);
                details[Path.GetFileNameWithoutExtension(entry.Path)] = parsed;
            }

            var files = new List<FileFacts>();
            foreach (var entry in layout.Bytes)
            {
                var name = entry.Path["files/".Length..];
                var stem = name.LastIndexOf('.') > 0 ? name[..name.LastIndexOf('.')] : name;
                await using var stream = entry.Open();
                var hashes = await EvidenceStore.CopyAndHashAsync(stream, null, options.MaxFileBytes, cancellationToken);
                files.Add(new FileFacts(stem, details.GetValueOrDefault(stem), hashes.Md5, hashes.Sha1));
                details.Remove(stem);
            }

            files.AddRange(details.Select(d => new FileFacts(d.Key, d.Value, null, null)));
            return new PackageScoringInput(package.Name, reportId, ScoreRequestMapper.Map(manifest, report, files, context), null);
        }
        catch (ReferralFormatException ex)
        {
            return new PackageScoringInput(package.Name, reportId, null, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or EvidenceTooLargeException)
        {
            return new PackageScoringInput(package.Name, reportId, null, ex.Message);
        }
    }

    private async Task<byte[]> ReadAllAsync(PackageEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Length > options.MaxXmlBytes)
        {
            throw new ReferralFormatException(entry.Path, null, $"the document is over the limit of {options.MaxXmlBytes:N0} bytes");
        }

        await using var stream = entry.Open();
        var content = new byte[entry.Length];
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }
}
