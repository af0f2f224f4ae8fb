using Katalyst.Referrals.Linking.Subjects;

namespace Katalyst.Portal.Components.Pages.Referral.Linking;

/// <summary>
/// What a referral's linked referrals mean for whoever is about to take it: how many there are, how many someone
/// already holds with the work open, and who. Pure.
/// </summary>
/// <param name="SubjectId">The subject the referral belongs to.</param>
/// <param name="Linked">How many other referrals share its subject.</param>
/// <param name="Held">How many of those a person or unit holds with the work open.</param>
/// <param name="Holders">Who holds them: people by name, units as "unit CODE"; each once.</param>
public sealed record Deconfliction(long SubjectId, int Linked, int Held, IReadOnlyList<string> Holders)
{
    /// <summary>The picture for <paramref name="reportId"/> from its subject's members (the referral itself among them).</summary>
    public static Deconfliction For(long reportId, long subjectId, IEnumerable<SubjectMember> members)
    {
        var others = members.Where(m => m.ReportId != reportId).ToList();
        var held = others.Where(m => m.HeldOpen).ToList();
        var holders = held
            .Select(m => m.AssigneeName ?? (m.UnitCode is null ? null : $"unit {m.UnitCode}"))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Deconfliction(subjectId, others.Count, held.Count, holders);
    }

    /// <summary>What the panel says while the referral waits in the linking outbox, instead of a count that is not known yet.</summary>
    public const string PendingText = "Linking pending: not yet checked against other referrals";

    /// <summary>E.g. "Linked to 3 referrals (2 already assigned to Sara Khan, unit LHR-CCW)".</summary>
    public string Text
    {
        get
        {
            var linked = Linked == 1 ? "Linked to 1 referral" : $"Linked to {Linked} referrals";
            return Held == 0 ? $"{linked} (none assigned yet)" : $"{linked} ({Held} already assigned to {string.Join(", ", Holders)})";
        }
    }
}
