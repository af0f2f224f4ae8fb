namespace Katalyst.Referrals.Evidence;

/// <summary>
/// A file's bytes were in the evidence store when its package was read and gone when its referral was written: another
/// import's clean-up of a rejected package's bytes removed them in between. The package is not stored; import it again.
/// </summary>
public sealed class EvidenceVanishedException : Exception
{
    /// <summary>Creates the exception for the file named <paramref name="fileName"/>.</summary>
    public EvidenceVanishedException(string fileName, string sha256)
        : base($"its bytes (SHA-256 {sha256}) were removed from the evidence store by another import's clean-up while this package was being stored; nothing of it was stored: import the package again")
    {
        FileName = fileName;
        Sha256 = sha256;
    }

    /// <summary>The bytes file's name under <c>files/</c>.</summary>
    public string FileName { get; }

    /// <summary>The SHA-256 of the missing bytes.</summary>
    public string Sha256 { get; }
}
