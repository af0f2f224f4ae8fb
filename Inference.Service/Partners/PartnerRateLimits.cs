using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Katalyst.Inference.Partners;

/// <summary>
/// One token bucket per partner (<see cref="PartnerEntry.RatePerSecond"/> tokens, refilled every second by a timer of
/// the injected <see cref="TimeProvider"/>, so tests can move time). A partner whose rate changes in the file gets a
/// new, full bucket.
/// </summary>
public sealed class PartnerRateLimits : IDisposable
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Bucket> buckets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ITimer refilling;

    /// <summary>Starts the refill timer.</summary>
    public PartnerRateLimits(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        refilling = time.CreateTimer(_ => Refill(), null, Period, Period);
    }

    /// <summary>Takes <paramref name="tokens"/> from the partner's bucket; false when it is empty (over the rate).</summary>
    internal bool TryAcquire(PartnerEntry partner, int tokens = 1)
    {
        var bucket = buckets.AddOrUpdate(
            partner.Name,
            static (_, rate) => new Bucket(rate),
            static (_, existing, rate) => existing.Rate == rate ? existing : new Bucket(rate),
            partner.RatePerSecond);
        using var lease = bucket.Limiter.AttemptAcquire(tokens);
        return lease.IsAcquired;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        refilling.Dispose();
        foreach (var bucket in buckets.Values)
        {
            bucket.Limiter.Dispose();
        }
    }

    private void Refill()
    {
        foreach (var bucket in buckets.Values)
        {
            bucket.Limiter.TryReplenish();
        }
    }

    private sealed class Bucket(int rate)
    {
        public int Rate { get; } = rate;

        public TokenBucketRateLimiter Limiter { get; } = new(new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate,
            TokensPerPeriod = rate,
            ReplenishmentPeriod = Period,
            AutoReplenishment = false,
            QueueLimit = 0,
        });
    }
}
