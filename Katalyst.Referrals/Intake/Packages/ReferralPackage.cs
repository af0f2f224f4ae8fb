namespace Katalyst.Referrals.Intake.Packages;

/// <summary>One file inside a package.</summary>
/// <param name="Path">The path relative to the package folder, with '/' separators (e.g. <c>files/a1.jpg</c>).</param>
/// <param name="Length">The file's length in bytes as the folder or zip states it.</param>
/// <param name="Open">Opens the bytes for reading; the caller disposes the stream.</param>
public sealed record PackageEntry(string Path, long Length, Func<Stream> Open);

/// <summary>
/// One referral package found by <see cref="PackageSource"/>: a folder, a zip, or a folder inside a zip.
/// Its entries are listed on first use, so that the importer's parallel readers (not the single enumerator)
/// pay for listing folders.
/// </summary>
public sealed class ReferralPackage : IDisposable
{
    private readonly IDisposable? lease;
    private readonly Lazy<IReadOnlyList<PackageEntry>> entries;

    internal ReferralPackage(string name, Func<IReadOnlyList<PackageEntry>> list, IDisposable? lease)
    {
        Name = name;
        entries = new Lazy<IReadOnlyList<PackageEntry>>(list, LazyThreadSafetyMode.ExecutionAndPublication);
        this.lease = lease;
    }

    /// <summary>Where the package came from, as an operator would find it (a path, or <c>batch.zip!/folder</c>).</summary>
    public string Name { get; }

    /// <summary>Every file of the package.</summary>
    /// <exception cref="ReferralFormatException">The package cannot be listed safely (no manifest, a link, an unsafe name).</exception>
    public IReadOnlyList<PackageEntry> Entries => entries.Value;

    internal static ReferralPackage Broken(string name, ReferralFormatException problem) => new(name, () => throw problem, lease: null);

    /// <inheritdoc />
    public void Dispose() => lease?.Dispose();
}
