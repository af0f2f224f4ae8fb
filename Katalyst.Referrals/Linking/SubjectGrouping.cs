namespace Katalyst.Referrals.Linking;

/// <summary>
/// Groups referrals into subjects all at once from every stored identifier: what the incremental
/// <see cref="ReferralLinker"/> must always agree with (the same groups, whatever the order referrals arrived in).
/// Two referrals are one subject when a chain of identifiers, each carried by no more referrals than its kind's
/// threshold, joins them. Pure; used to check the store and to measure thresholds against generated truth.
/// </summary>
public static class SubjectGrouping
{
    /// <summary>The groups of <paramref name="referrals"/>, each as its sorted report numbers.</summary>
    /// <param name="referrals">Every referral (those without identifiers are groups of one).</param>
    /// <param name="identifiers">Every (report, kind, value) stored.</param>
    /// <param name="options">The thresholds.</param>
    public static IReadOnlyList<IReadOnlyList<long>> Group(
        IEnumerable<long> referrals, IEnumerable<(long ReportId, string Kind, string Value)> identifiers, LinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var edges = new List<(long, long)>();
        foreach (var carriers in identifiers.GroupBy(i => (i.Kind, i.Value), i => i.ReportId))
        {
            var distinct = carriers.Distinct().ToList();
            if (distinct.Count >= 2 && distinct.Count <= options.ThresholdFor(carriers.Key.Kind))
            {
                // A chain through the first carrier connects them all, as links to every carrier would.
                edges.AddRange(distinct.Skip(1).Select(other => (distinct[0], other)));
            }
        }

        return Components.Of(referrals, edges);
    }
}
