using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Katalyst.Inference.Partners;

/// <summary>
/// One token bucket per partner: <see cref="PartnerEntry.RatePerSecond"/> tokens, refilled by that many every second by
/// the limiter's own timer (System.Threading.RateLimiting; its manual mode also reads the real clock, so a test clock
/// could not drive it anyway). A partner whose rate changes in the file gets a new, full bucket.
/// </summary>
public sealed class PartnerRateLimits : IDisposable
{
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes <paramref name="tokens"/> from the partner's bucket; false when it is empty (over the rate).</summary>
    internal bool TryAcquire(PartnerEntry partner, int tokens = 1)
    {
        var bucket = buckets.GetOrAdd(partner.Name, static (_, rate) => new Bucket(rate), partner.RatePerSecond);
        if (bucket.Rate != partner.RatePerSecond)
        {
            var fresh = new Bucket(partner.RatePerSecond);
            if (buckets.TryUpdate(partner.Name, fresh, bucket))
            {
                bucket.Limiter.Dispose();
            }
            else
            {
                fresh.Limiter.Dispose();
            }

            bucket = buckets[partner.Name];
        }

        using var lease = bucket.Limiter.AttemptAcquire(tokens);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var bucket in buckets.Values)
        {
            bucket.Limiter.Dispose();
        }
    }

    private sealed class Bucket(int rate)
    {
        public int Rate { get; } = rate;

        public TokenBucketRateLimiter Limiter { get; } = new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate,
            TokensPerPeriod = rate,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            AutoReplenishment = true,
            QueueLimit = 0,
        });
    }
}
