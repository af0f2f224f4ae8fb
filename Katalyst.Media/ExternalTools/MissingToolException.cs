namespace Katalyst.Media.ExternalTools;

/// <summary>A program (or a part of one, e.g. a Tesseract language) that Katalyst runs is not installed; the message names the Debian package.</summary>
public sealed class MissingToolException : Exception
{
    /// <summary>Says that <paramref name="what"/> is missing and which Debian <paramref name="package"/> provides it.</summary>
    public MissingToolException(string what, string package, Exception? inner = null)
        : base($"{what} is not installed: install Debian's {package} (apt-get install {package}).", inner)
    {
        (What, Package) = (what, package);
    }

    /// <summary>The missing program or part.</summary>
    public string What { get; }

    /// <summary>The Debian package that provides it.</summary>
    public string Package { get; }
}
