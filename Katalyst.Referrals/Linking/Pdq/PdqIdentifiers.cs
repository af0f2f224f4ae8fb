using System.Globalization;
using Katalyst.Media.Pdq;

namespace Katalyst.Referrals.Linking.Pdq;

/// <summary>A file of another referral whose stored PDQ lies within the radius of a new file's.</summary>
/// <param name="ReportId">The other referral.</param>
/// <param name="FileId">Its file.</param>
/// <param name="Hash">That file's PDQ.</param>
/// <param name="Distance">Bits between the two.</param>
public sealed record PdqNearMatch(long ReportId, string FileId, PdqHash Hash, int Distance);

/// <summary>
/// The <c>pdq</c> identifiers one analysed file gives its referral: its own PDQ, and the PDQ of each near-matched file
/// of another referral, so that the two referrals share (pdq, that hash) and the linker links them, with its thresholds.
/// </summary>
public static class PdqIdentifiers
{
    /// <summary>Upstream's rule: a PDQ below this quality (a flat picture) matches unrelated pictures, so it links nothing.</summary>
    public const int UsableQuality = 50;

    /// <summary>
    /// Most near matches one file adds, nearest first. A picture near-matched by more referrals than the pdq threshold
    /// links nothing anyway; the cap keeps a viral picture's thousands of copies from making thousands of identifiers.
    /// </summary>
    public const int MaxNearMatches = 64;

    /// <summary>
    /// The identifiers of file <paramref name="fileId"/> (PDQ <paramref name="own"/>): each near match first, nearest
    /// first (detail "near match of R file F, distance d"; an exact-equal PDQ so shows distance 0), then its own PDQ;
    /// one identifier per value.
    /// </summary>
    public static IReadOnlyList<ReferralIdentifier> For(string fileId, PdqHash own, IEnumerable<PdqNearMatch> nearMatches)
    {
        ArgumentNullException.ThrowIfNull(nearMatches);
        var identifiers = new List<ReferralIdentifier>();
        var values = new HashSet<string>(StringComparer.Ordinal);
        var source = $"file_analysis file {fileId}";
        foreach (var near in nearMatches.OrderBy(n => n.Distance).ThenBy(n => n.ReportId).ThenBy(n => n.FileId, StringComparer.Ordinal).Take(MaxNearMatches))
        {
            var value = near.Hash.ToString();
            if (values.Add(value))
            {
                identifiers.Add(new ReferralIdentifier(IdentifierKinds.Pdq, value, value, source,
                    string.Create(CultureInfo.InvariantCulture, $"near match of {near.ReportId} file {near.FileId}, distance {near.Distance}")));
            }
        }

        var ownValue = own.ToString();
        if (values.Add(ownValue))
        {
            identifiers.Add(new ReferralIdentifier(IdentifierKinds.Pdq, ownValue, ownValue, source));
        }

        return identifiers;
    }
}
