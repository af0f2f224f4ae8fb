using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Labels;

/// <summary>
/// The ground-truth tier of a generated referral: triage-policy.md's rules applied, in order, to what the
/// package says (annotations, text indicators, files) plus one fact only the generator knows for certain —
/// whether the suspect is also reported in another referral of the batch.
/// </summary>
internal static class TierRules
{
    private const FileFlags ProductionSigns =
        FileFlags.PossibleSelfProduction | FileFlags.LiveStreaming | FileFlags.Infant | FileFlags.PhysicalHarm;

    private const FileFlags Lowering = FileFlags.PotentialMeme | FileFlags.Viral | FileFlags.GenerativeAi;

    public static int Tier(ReferralPlan p)
    {
        var text = p.Indicators;

        // 1 IMMEDIATE: escalated; meeting; ongoing abuse or production; sextortion with a deadline or
        // a threat of self-harm; trafficking or selling of a child.
        if (p.Escalation is not null
            || text.HasFlag(TextIndicators.Meeting)
            || text.HasFlag(TextIndicators.Trafficking)
            || text.HasFlag(TextIndicators.SelfHarmRisk)
            || (text.HasFlag(TextIndicators.Sextortion) && p.Deadline)
            || p.IncidentType is Scenario.Trafficking or Scenario.Molestation
            || p.Files.Any(f => f.Source == FileSource.New && (f.Flags & ProductionSigns) != 0))
        {
            return 1;
        }

        // 5 INFORMATIONAL: marked so by NCMEC, or nothing to act on (spam, no suspect, routed out of country).
        if (p.Informational || p.Flags.HasFlag(ReportFlags.Spam) || p.Person is null || p.Country != "PK")
        {
            return 5;
        }

        // 2 HIGH: a child exposed to an identifiable offender (grooming, sextortion, solicitation, access).
        if ((text & (TextIndicators.Grooming | TextIndicators.Sextortion | TextIndicators.Production | TextIndicators.ContactAbuse)) != 0
            || (p.Flags & (ReportFlags.Sextortion | ReportFlags.CsamSolicitation | ReportFlags.Sadistic)) != 0
            || p.IncidentType is Scenario.Enticement or Scenario.Unsolicited)
        {
            return 2;
        }

        // 4 LOW before the remaining tier-2 signals: minor-to-minor without coercion (coercion returned above)
        // and viral/meme/AI content go to child protection or the low queue, not prosecution.
        if (p.Flags.HasFlag(ReportFlags.MinorToMinor)
            || p.BundledCount is not null
            || p.Files.All(f => (f.Flags & Lowering) != 0))
        {
            return 4;
        }

        // 2 HIGH: previously unseen material; a repeat subject (prior reports, or in other referrals).
        if (p.Files.Any(f => f.Source == FileSource.New) || p.RepeatSubject || p.Person.PriorCTReports.Count > 0)
        {
            return 2;
        }

        // 3 MEDIUM: known material and a suspect identifiable in the country; otherwise 4 (thin identifiers).
        return InCountry(p.Person) ? 3 : 4;
    }

    /// <summary>An in-country IP (not a suspected proxy), a Pakistani phone or a verified e-mail.</summary>
    public static bool InCountry(ReportedPerson person) =>
        person.PhoneIsPakistani
        || person.Emails.Any(e => e.Verified == true)
        || person.IpEvents.Any(e => e.Place.Country == "PK" && e.PossibleProxy != true);
}
