using Katalyst.Referrals.Intake.Packages;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>Sorts a package's entries into manifest, report, fileDetails documents and file bytes.</summary>
internal sealed record PackageLayout(
    PackageEntry Manifest,
    PackageEntry? Report,
    IReadOnlyList<PackageEntry> DetailsDocuments,
    IReadOnlyList<PackageEntry> Bytes)
{
    public static PackageLayout Of(ReferralPackage package, int maxFiles)
    {
        PackageEntry? manifest = null;
        PackageEntry? report = null;
        var details = new List<PackageEntry>();
        var bytes = new List<PackageEntry>();
        foreach (var entry in package.Entries)
        {
            if (EntryPath.Unsafe(entry.Path) is { } unsafeReason)
            {
                throw new ReferralFormatException(entry.Path, null, unsafeReason);
            }

            switch (entry.Path)
            {
                case PackageSource.ManifestName:
                    manifest = entry;
                    break;
                case "report.xml":
                    report = entry;
                    break;
                case var path when path.StartsWith("files/", StringComparison.Ordinal) && path.IndexOf('/', 6) < 0 && path.Length > 6:
                    (path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) ? details : bytes).Add(entry);
                    break;
                default:
                    throw new ReferralFormatException(entry.Path, null,
                        "unexpected entry: a package holds manifest.json, report.xml and files/<fileId>.xml or files/<fileId>.<ext>");
            }
        }

        if (details.Count + bytes.Count > maxFiles)
        {
            throw new ReferralFormatException("files/", null, $"the package has {details.Count + bytes.Count:N0} files, over the limit of {maxFiles:N0}");
        }

        details.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        bytes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new PackageLayout(
            manifest ?? throw new ReferralFormatException(PackageSource.ManifestName, null, "the package has no manifest.json"),
            report, details, bytes);
    }
}
