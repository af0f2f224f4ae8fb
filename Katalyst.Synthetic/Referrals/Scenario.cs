using Katalyst.Synthetic.Labels;
using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Referrals;

/// <summary>What a referral is about: incident type, ESP annotations and the indicators its text expresses.</summary>
internal sealed record Scenario(string IncidentType, ReportFlags Flags, TextIndicators Indicators, bool Deadline)
{
    public const string Possession = "Child Pornography (possession, manufacture, and distribution)";
    public const string Enticement = "Online Enticement of Children for Sexual Acts";
    public const string Trafficking = "Child Sex Trafficking";
    public const string Molestation = "Child Sexual Molestation";
    public const string Unsolicited = "Unsolicited Obscene Material Sent to a Child";

    /// <summary>Share of referrals NCMEC marks informational; severe scenarios are drawn only among the rest.</summary>
    public const double InformationalRate = 0.12;

    private const double Referral = 1 - InformationalRate;

    private static readonly (string, double)[] IncidentTypes =
    [
        (Possession, 99.5), (Enticement, 0.25), (Unsolicited, 0.11), (Trafficking, 0.06), (Molestation, 0.04),
        ("Child Sex Tourism", 0.02), ("Misleading Domain Name", 0.01), ("Misleading Words or Digital Images on the Internet", 0.01),
    ];

    private static readonly TextIndicators[] Unprompted =
    [
        TextIndicators.Grooming, TextIndicators.Grooming, TextIndicators.Production, TextIndicators.Production,
        TextIndicators.Meeting, TextIndicators.ContactAbuse,
    ];

    public bool IsSevere =>
        (Indicators & (TextIndicators.Meeting | TextIndicators.Trafficking | TextIndicators.ContactAbuse | TextIndicators.SelfHarmRisk)) != 0
        || Deadline || IncidentType is Trafficking or Molestation;

    /// <summary>
    /// Draws a scenario. Informational reports get no severe content, so the severe rates are scaled by
    /// 1/0.88 among referrals to keep the spec's overall rates.
    /// </summary>
    public static Scenario Draw(Random rng, bool informational)
    {
        var flags = ReportFlags.None;
        if (rng.Chance(0.03))
        {
            flags |= ReportFlags.MinorToMinor;
        }

        if (rng.Chance(0.005))
        {
            flags |= ReportFlags.Spam;
        }

        if (informational)
        {
            return new Scenario(Possession, flags, TextIndicators.None, false);
        }

        var type = rng.Weighted(IncidentTypes);
        flags |= rng.Chance(0.015 / Referral) ? ReportFlags.Sextortion : ReportFlags.None;
        flags |= rng.Chance(0.01 / Referral) ? ReportFlags.CsamSolicitation : ReportFlags.None;
        flags |= rng.Chance(0.001 / Referral) ? ReportFlags.Sadistic : ReportFlags.None;

        var ind = TextIndicators.None;
        void Maybe(double p, TextIndicators i) => ind |= rng.Chance(p) ? i : TextIndicators.None;
        switch (type)
        {
            case Enticement:
                ind |= TextIndicators.Grooming;
                Maybe(0.7, TextIndicators.Production);
                Maybe(0.4, TextIndicators.Meeting);
                break;
            case Trafficking:
                ind |= TextIndicators.Trafficking;
                Maybe(0.5, TextIndicators.Meeting);
                break;
            case Molestation:
                ind |= TextIndicators.ContactAbuse;
                Maybe(0.4, TextIndicators.Grooming);
                break;
            case Unsolicited:
                Maybe(0.3, TextIndicators.Grooming);
                break;
        }

        var deadline = false;
        if (flags.HasFlag(ReportFlags.Sextortion))
        {
            ind |= TextIndicators.Sextortion;
            deadline = rng.Chance(0.4);
            Maybe(0.15, TextIndicators.SelfHarmRisk);
            Maybe(0.5, TextIndicators.Production);
        }

        if (flags.HasFlag(ReportFlags.CsamSolicitation))
        {
            ind |= TextIndicators.Production;
            Maybe(0.5, TextIndicators.Grooming);
        }

        if (flags.HasFlag(ReportFlags.Sadistic))
        {
            ind |= TextIndicators.SelfHarmRisk;
            Maybe(0.6, TextIndicators.Sextortion);
        }

        if (flags.HasFlag(ReportFlags.MinorToMinor) && rng.Chance(0.15))
        {
            ind |= TextIndicators.Sextortion; // coercion between minors
        }

        // ESPs do not annotate everything: some possession reports carry a telling chat anyway.
        if (ind == TextIndicators.None && type == Possession && rng.Chance(0.02))
        {
            ind = rng.Pick(Unprompted);
        }

        return new Scenario(type, flags, ind, deadline);
    }
}
