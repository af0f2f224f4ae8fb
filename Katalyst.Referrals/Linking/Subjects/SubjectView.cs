using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Linking.Subjects;

/// <summary>One referral of a subject with its work state.</summary>
/// <param name="ReportId">The referral.</param>
/// <param name="ReceivedAt">When NCMEC received it.</param>
/// <param name="Tier">Its effective tier (override, else scored), 1 to 5; null until scored.</param>
/// <param name="Status">Where it stands in the work.</param>
/// <param name="AssigneeUserId">The person it is assigned to, if any.</param>
/// <param name="AssigneeName">That person's display name.</param>
/// <param name="UnitId">The unit holding it, if any.</param>
/// <param name="UnitCode">That unit's code.</param>
public sealed record SubjectMember(
    long ReportId, DateTimeOffset ReceivedAt, int? Tier, ReferralStatus Status,
    long? AssigneeUserId, string? AssigneeName, long? UnitId, string? UnitCode)
{
    /// <summary>True while someone holds it and its work is open (not closed, not referred onward).</summary>
    public bool HeldOpen => (AssigneeUserId is not null || UnitId is not null) && Status is not (ReferralStatus.Closed or ReferralStatus.ReferredOnward);
}

/// <summary>An identifier one member carries.</summary>
/// <param name="ReportId">The member.</param>
/// <param name="Kind">Its kind (<see cref="IdentifierKinds"/>).</param>
/// <param name="Value">Its normalised value.</param>
public sealed record SubjectIdentifier(long ReportId, string Kind, string Value);

/// <summary>Why two members are one subject: the identifier they share.</summary>
/// <param name="ReportA">The earlier referral.</param>
/// <param name="ReportB">The referral whose arrival made the link.</param>
/// <param name="Kind">The shared identifier's kind.</param>
/// <param name="Value">The shared identifier's value.</param>
/// <param name="LinkedAt">When the link was made.</param>
public sealed record SubjectLink(long ReportA, long ReportB, string Kind, string Value, DateTimeOffset LinkedAt);

/// <summary>An identifier a member carries that did not link because too many referrals carry it.</summary>
/// <param name="ReportId">The member.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Value">Its value.</param>
/// <param name="ReferralCount">How many referrals carry it now.</param>
public sealed record SubjectIgnoredIdentifier(long ReportId, string Kind, string Value, int ReferralCount);

/// <summary>Everything stored about one subject, unfiltered: callers apply the reader's scope.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Members">Its referrals, oldest received first.</param>
/// <param name="Identifiers">Every identifier of every member.</param>
/// <param name="Links">The links in force between members.</param>
/// <param name="Ignored">Identifiers of members ignored as too common.</param>
public sealed record SubjectView(
    long SubjectId,
    IReadOnlyList<SubjectMember> Members,
    IReadOnlyList<SubjectIdentifier> Identifiers,
    IReadOnlyList<SubjectLink> Links,
    IReadOnlyList<SubjectIgnoredIdentifier> Ignored);
