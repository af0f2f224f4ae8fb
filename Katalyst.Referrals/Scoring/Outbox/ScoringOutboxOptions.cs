using System.ComponentModel.DataAnnotations;

namespace Katalyst.Referrals.Scoring.Outbox;

/// <summary>How the scoring outbox claims, retries and gives up (the portal binds it under <c>Scoring:Outbox</c>).</summary>
public sealed class ScoringOutboxOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Scoring:Outbox";

    /// <summary>Referrals claimed and scored per service call. Default 500.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Attempts before a referral's scoring is given up and shown as failed for a person to retry. Default 10.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The median wait before the first retry after a failed attempt; later waits grow exponentially, with jitter. Default 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between attempts. Default 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The gRPC deadline of one scoring call (one batch). Default 60 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan CallDeadline { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Quick retries of a call the service answered <c>UNAVAILABLE</c> (a replica restarting), within one attempt. Default 2.</summary>
    [Range(0, 5)]
    public int CallRetries { get; set; } = 2;

    /// <summary>The median wait before the first quick retry, doubling with jitter. Default 200 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan CallRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long a claim holds: another instance may take the work once it lapses (the holder crashed). Must outlast
    /// every call of one attempt with its quick retries. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var longestAttempt = (CallDeadline + (CallRetryDelay * Math.Pow(2, CallRetries))) * (CallRetries + 1);
        if (Lease <= longestAttempt)
        {
            yield return new ValidationResult(
                $"Lease ({Lease}) must be longer than one attempt can take: CallDeadline {CallDeadline} x (CallRetries {CallRetries} + 1) with its waits ({longestAttempt}).",
                [nameof(Lease)]);
        }

        if (MaxRetryDelay < FirstRetryDelay)
        {
            yield return new ValidationResult($"MaxRetryDelay ({MaxRetryDelay}) is shorter than FirstRetryDelay ({FirstRetryDelay}).", [nameof(MaxRetryDelay)]);
        }
    }
}
