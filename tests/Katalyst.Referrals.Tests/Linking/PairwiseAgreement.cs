namespace Katalyst.Referrals.Tests.Linking;

/// <summary>
/// Pairwise recall and precision of a grouping against the truth: of the referral pairs that share a true subject,
/// how many are in one found subject (recall), and of the pairs in one found subject, how many share a true one
/// (precision). Counted from group sizes, so a million referrals need no million-squared pairs.
/// </summary>
internal sealed record PairwiseAgreement(long TruePairs, long FoundPairs, long BothPairs)
{
    public double Recall => TruePairs == 0 ? 1 : (double)BothPairs / TruePairs;

    public double Precision => FoundPairs == 0 ? 1 : (double)BothPairs / FoundPairs;

    /// <summary>Compares <paramref name="found"/> with <paramref name="truth"/> over the referrals in both.</summary>
    public static PairwiseAgreement Of(IReadOnlyDictionary<long, string> truth, IReadOnlyDictionary<long, long> found)
    {
        var common = truth.Keys.Where(found.ContainsKey).ToList();
        return new PairwiseAgreement(
            Pairs(common.GroupBy(r => truth[r])),
            Pairs(common.GroupBy(r => found[r])),
            Pairs(common.GroupBy(r => (truth[r], found[r]))));
    }

    private static long Pairs<TKey>(IEnumerable<IGrouping<TKey, long>> groups) =>
        groups.Sum(g => (long)g.Count() * (g.Count() - 1) / 2);

    public override string ToString() =>
        $"recall {Recall:P2} ({BothPairs:N0} of {TruePairs:N0} true pairs), precision {Precision:P2} ({BothPairs:N0} of {FoundPairs:N0} linked pairs)";
}
