using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>Compares the hashes an ESP stated with the bytes received.</summary>
internal static class EspHashes
{
    /// <summary>True when any MD5 or SHA1 the ESP supplied differs from the bytes' own.</summary>
    public static bool Disagree(FileDetails? details, EvidenceHashes actual)
    {
        if (details is null)
        {
            return false;
        }

        foreach (var hash in details.OriginalFileHashes)
        {
            var expected = hash.HashType.ToUpperInvariant() switch
            {
                "MD5" => actual.Md5,
                "SHA1" or "SHA-1" => actual.Sha1,
                "SHA256" or "SHA-256" => actual.Sha256,
                _ => null,
            };
            if (expected is not null && !string.Equals(expected, hash.Value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
