using static System.FormattableString;

namespace Katalyst.Referrals.Store.Queue;

/// <summary>What the queue is ordered by.</summary>
public enum QueueSort
{
    /// <summary>Effective tier (the override, else the scored tier; unscored last), then score, highest first, then age, oldest first.</summary>
    Priority,

    /// <summary>Score, highest first (ascending reverses it).</summary>
    Score,

    /// <summary>Received time, oldest first (descending puts the newest first).</summary>
    Received,
}

/// <summary>Which referrals the queue shows. Every criterion left null matches every referral.</summary>
public sealed record QueueFilter
{
    /// <summary>Only this effective tier, 1 to 5.</summary>
    public int? Tier { get; init; }

    /// <summary>Only scores at least this, 0 to 1 (unscored referrals never match a score bound).</summary>
    public double? MinScore { get; init; }

    /// <summary>Only scores at most this, 0 to 1.</summary>
    public double? MaxScore { get; init; }

    /// <summary>Only referrals in this status.</summary>
    public ReferralStatus? Status { get; init; }

    /// <summary>Only this incident type, as the schema spells it.</summary>
    public string? IncidentType { get; init; }

    /// <summary>Only referrals assigned to this unit.</summary>
    public int? UnitId { get; init; }

    /// <summary>Only referrals intake placed in this province (any case).</summary>
    public string? Province { get; init; }

    /// <summary>Only referrals assigned to this user.</summary>
    public int? AssigneeUserId { get; init; }

    /// <summary>Only referrals received at or after this time.</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Only referrals received before this time.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }

    /// <summary>Only referrals whose report text (chat, additional info, bios, escalation text) holds every word given.</summary>
    public string? Text { get; init; }

    /// <summary>Only the referrals this person may work (<see cref="QueueScope"/>); null for people who see them all.</summary>
    public QueueScope? Scope { get; init; }
}

/// <summary>
/// What an investigator may see: referrals assigned to them, referrals of their unit, and referrals no unit holds yet
/// (the pool that routing, or a supervisor, hands out). Another unit's referrals are not theirs.
/// </summary>
/// <param name="UserId">The investigator's user id.</param>
/// <param name="UnitId">Their unit, when they have one.</param>
public sealed record QueueScope(long UserId, long? UnitId);

/// <summary>One request for a queue page: which referrals, in which order, which slice.</summary>
/// <param name="Filter">Which referrals.</param>
/// <param name="Sort">The order.</param>
/// <param name="Descending">Reverses <paramref name="Sort"/>'s natural direction (Priority: lowest first; Score: lowest first; Received: newest first).</param>
/// <param name="Skip">How many rows to skip; zero or more.</param>
/// <param name="Take">How many rows to return; 1 to <see cref="MaxTake"/>.</param>
public sealed record QueueQuery(QueueFilter Filter, QueueSort Sort = QueueSort.Priority, bool Descending = false, int Skip = 0, int Take = 25)
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxTake = 500;

    /// <summary>The first page of the whole queue in its default order.</summary>
    public static QueueQuery Default { get; } = new(new QueueFilter());

    /// <summary>Every problem with this query, each naming the field; empty when it can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var f = Filter;
        if (f is null)
        {
            return ["Filter is required (use an empty QueueFilter to match every referral)."];
        }

        if (!Enum.IsDefined(Sort)) problems.Add(Invariant($"Sort {(int)Sort} is not a queue order."));
        if (Skip < 0) problems.Add(Invariant($"Skip must be zero or more, not {Skip}."));
        if (Take is < 1 or > MaxTake) problems.Add(Invariant($"Take must be 1 to {MaxTake}, not {Take}."));
        if (f.Tier is < 1 or > 5) problems.Add(Invariant($"Tier must be 1 to 5, not {f.Tier}."));
        if (f.MinScore is { } min && (double.IsNaN(min) || min is < 0 or > 1)) problems.Add(Invariant($"MinScore must be 0 to 1, not {min}."));
        if (f.MaxScore is { } max && (double.IsNaN(max) || max is < 0 or > 1)) problems.Add(Invariant($"MaxScore must be 0 to 1, not {max}."));
        if (f.MinScore > f.MaxScore) problems.Add(Invariant($"MinScore {f.MinScore} is above MaxScore {f.MaxScore}."));
        if (f.Status is { } status && !Enum.IsDefined(status)) problems.Add(Invariant($"Status {(int)status} is not a referral status."));
        if (f.IncidentType is { } type && string.IsNullOrWhiteSpace(type)) problems.Add("IncidentType is blank; leave it null to match every type.");
        if (f.Province is { } province && string.IsNullOrWhiteSpace(province)) problems.Add("Province is blank; leave it null to match every province.");
        if (f.ReceivedFrom >= f.ReceivedBefore) problems.Add(Invariant($"ReceivedFrom {f.ReceivedFrom:u} is not before ReceivedBefore {f.ReceivedBefore:u}."));
        if (f.Text is { } text && QueueText.Words(text).Count == 0) problems.Add(Invariant($"Text '{text}' holds no word to search for (letters or digits)."));
        return problems;
    }
}
