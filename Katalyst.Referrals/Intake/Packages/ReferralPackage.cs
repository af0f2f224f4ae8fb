namespace Katalyst.Referrals.Intake.Packages;

/// <summary>One file inside a package.</summary>
/// <param name="Path">The path relative to the package folder, with '/' separators (e.g. <c>files/a1.jpg</c>).</param>
/// <param name="Length">The file's length in bytes as the folder or zip states it.</param>
/// <param name="Open">Opens the bytes for reading; the caller disposes the stream.</param>
public sealed record PackageEntry(string Path, long Length, Func<Stream> Open);

/// <summary>
/// One referral package found by <see cref="PackageSource"/>: a folder, a zip, or a folder inside a zip.
/// A package that could not even be listed safely carries its <see cref="Problem"/> instead of entries.
/// </summary>
public sealed class ReferralPackage : IDisposable
{
    private readonly IDisposable? lease;

    internal ReferralPackage(string name, IReadOnlyList<PackageEntry> entries, IDisposable? lease)
    {
        Name = name;
        Entries = entries;
        this.lease = lease;
    }

    private ReferralPackage(string name, ReferralFormatException problem)
    {
        Name = name;
        Entries = [];
        Problem = problem;
    }

    /// <summary>Where the package came from, as an operator would find it (a path, or <c>batch.zip!/folder</c>).</summary>
    public string Name { get; }

    /// <summary>Every file of the package.</summary>
    public IReadOnlyList<PackageEntry> Entries { get; }

    /// <summary>Why the package cannot be read at all, or null.</summary>
    public ReferralFormatException? Problem { get; }

    internal static ReferralPackage Broken(string name, ReferralFormatException problem) => new(name, problem);

    /// <inheritdoc />
    public void Dispose() => lease?.Dispose();
}
