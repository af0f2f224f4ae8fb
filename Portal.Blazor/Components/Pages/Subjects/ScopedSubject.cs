using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Linking.Subjects;
using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Portal.Components.Pages.Subjects;

/// <summary>An identifier of a subject and how many of its (visible) referrals carry it.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Value">Its normalised value.</param>
/// <param name="Referrals">How many of the shown referrals carry it.</param>
/// <param name="Ignored">True when it was ignored as too common.</param>
public sealed record SubjectIdentifierLine(string Kind, string Value, int Referrals, bool Ignored);

/// <summary>An identifier the subject's referrals carry that did not link, with its count and the threshold it passed.</summary>
/// <param name="Kind">Its kind.</param>
/// <param name="Value">Its value.</param>
/// <param name="ReferralCount">How many referrals in the store carry it.</param>
/// <param name="Threshold">The most referrals its kind may have and still link (0: the kind never links).</param>
public sealed record IgnoredIdentifierLine(string Kind, string Value, int ReferralCount, int Threshold);

/// <summary>A subject as one reader may see it: referrals outside their scope are counted, never listed.</summary>
/// <param name="SubjectId">The subject.</param>
/// <param name="Members">The referrals the reader may see.</param>
/// <param name="HiddenCount">How many more referrals the subject has, held by another unit.</param>
/// <param name="Identifiers">Identifiers of the shown referrals, most shared first.</param>
/// <param name="Links">Links between shown referrals, each with the identifier that made it.</param>
/// <param name="Ignored">Identifiers of the shown referrals ignored as too common.</param>
public sealed record ScopedSubject(
    long SubjectId,
    IReadOnlyList<SubjectMember> Members,
    int HiddenCount,
    IReadOnlyList<SubjectIdentifierLine> Identifiers,
    IReadOnlyList<SubjectLink> Links,
    IReadOnlyList<IgnoredIdentifierLine> Ignored)
{
    /// <summary>
    /// Applies the reader's scope (null: sees everything) with the same rule as the queue's
    /// (<c>QueueSql.Shared.OutOfScope</c>): a referral no unit holds, their unit's, or one assigned to them.
    /// </summary>
    public static ScopedSubject Of(SubjectView view, QueueScope? scope, LinkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(options);
        var members = view.Members.Where(m => Includes(scope, m)).ToList();
        var shown = members.Select(m => m.ReportId).ToHashSet();
        var ignored = view.Ignored.Where(i => shown.Contains(i.ReportId))
            .GroupBy(i => (i.Kind, i.Value))
            .Select(g => new IgnoredIdentifierLine(g.Key.Kind, g.Key.Value, g.Max(i => i.ReferralCount), options.ThresholdFor(g.Key.Kind)))
            .OrderByDescending(i => i.ReferralCount).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Value, StringComparer.Ordinal)
            .ToList();
        var ignoredKeys = ignored.Select(i => (i.Kind, i.Value)).ToHashSet();
        var identifiers = view.Identifiers.Where(i => shown.Contains(i.ReportId))
            .GroupBy(i => (i.Kind, i.Value))
            .Select(g => new SubjectIdentifierLine(g.Key.Kind, g.Key.Value, g.Select(i => i.ReportId).Distinct().Count(), ignoredKeys.Contains(g.Key)))
            .OrderByDescending(i => i.Referrals).ThenBy(i => i.Kind, StringComparer.Ordinal).ThenBy(i => i.Value, StringComparer.Ordinal)
            .ToList();
        var links = view.Links.Where(l => shown.Contains(l.ReportA) && shown.Contains(l.ReportB)).ToList();
        return new ScopedSubject(view.SubjectId, members, view.Members.Count - members.Count, identifiers, links, ignored);
    }

    /// <summary>True when a reader with <paramref name="scope"/> may see <paramref name="member"/>.</summary>
    public static bool Includes(QueueScope? scope, SubjectMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return scope is null || member.UnitId is null || member.UnitId == scope.UnitId || member.AssigneeUserId == scope.UserId;
    }

    /// <summary>The line that counts what the reader is not shown, e.g. "2 more referrals held by another unit"; null when none.</summary>
    public string? HiddenLine => HiddenCount switch
    {
        0 => null,
        1 => "1 more referral held by another unit",
        _ => $"{HiddenCount} more referrals held by another unit",
    };
}
