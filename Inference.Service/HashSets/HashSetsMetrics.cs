using System.Diagnostics.Metrics;

namespace Katalyst.Inference.HashSets;

/// <summary>
/// The loaded hash index's size (meter <c>Katalyst.Inference.HashSets</c>): entries per enabled set and hash type, read
/// from the version in force at each collection, so a reload shows at the next scrape.
/// </summary>
public sealed class HashSetsMetrics
{
    /// <summary>The meter's name.</summary>
    public const string Name = "Katalyst.Inference.HashSets";

    /// <summary>Creates the gauge on the host's meter factory.</summary>
    public HashSetsMetrics(IMeterFactory meters, LoadedHashSets sets)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(sets);
        var meter = meters.Create(Name);
        meter.CreateObservableGauge("katalyst.hashsets.entries", () => Entries(sets), "{hash}", "Hashes indexed per enabled set and hash type.");
    }

    private static IEnumerable<Measurement<long>> Entries(LoadedHashSets sets)
    {
        foreach (var set in sets.Current.Matcher.Sets)
        {
            var counts = set.Info.Counts;
            foreach (var (type, count) in new[] { ("md5", counts.Md5), ("sha1", counts.Sha1), ("sha256", counts.Sha256), ("pdq", counts.Pdq) })
            {
                yield return new Measurement<long>(count, new KeyValuePair<string, object?>("set", set.Info.Name), new KeyValuePair<string, object?>("hash_type", type));
            }
        }
    }
}
