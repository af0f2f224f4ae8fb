using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Store.Dashboard;

/// <summary>What the dashboard shows, for the whole agency or for one unit.</summary>
/// <param name="UnitId">The unit the figures are limited to, or null for the whole agency.</param>
/// <param name="ReceivedByMonth">Referrals received in each of the last months, oldest first, months without any included.</param>
/// <param name="TierMix">The open backlog by queue tier (1–5; 6 stands for not scored yet), every tier listed.</param>
/// <param name="BacklogByStatus">The open backlog by status (New, In review, Assigned, Investigating), every one listed.</param>
/// <param name="BacklogByUnit">The open backlog by unit, largest first; a null unit id is work no unit holds.</param>
/// <param name="Review">The time from receipt to first review.</param>
public sealed record DashboardFigures(
    long? UnitId,
    IReadOnlyList<MonthCount> ReceivedByMonth,
    IReadOnlyList<TierCount> TierMix,
    IReadOnlyList<StatusCount> BacklogByStatus,
    IReadOnlyList<UnitCount> BacklogByUnit,
    ReviewTime Review)
{
    /// <summary>Referrals in the open backlog.</summary>
    public long OpenBacklog => BacklogByStatus.Sum(s => s.Referrals);
}

/// <summary>Referrals received in one calendar month (UTC).</summary>
public sealed record MonthCount(int Year, int Month, long Referrals);

/// <summary>Open referrals in one queue tier; tier 6 holds those not scored yet.</summary>
public sealed record TierCount(int Tier, long Referrals);

/// <summary>Open referrals in one status.</summary>
public sealed record StatusCount(ReferralStatus Status, long Referrals);

/// <summary>Open referrals held by one unit, or by none (<paramref name="UnitId"/> null).</summary>
public sealed record UnitCount(long? UnitId, long Referrals);

/// <summary>How long referrals waited from receipt to a person's first review.</summary>
/// <param name="Reviewed">Referrals a person has reviewed.</param>
/// <param name="Median">The median wait, or null when none has been reviewed.</param>
public sealed record ReviewTime(long Reviewed, TimeSpan? Median);
