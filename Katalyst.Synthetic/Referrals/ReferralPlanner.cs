using Katalyst.Synthetic.Labels;
using Katalyst.Synthetic.Media;
using Katalyst.Synthetic.Network;
using Katalyst.Synthetic.Sampling;
using Katalyst.Synthetic.Subjects;
using Katalyst.Synthetic.Text;

namespace Katalyst.Synthetic.Referrals;

/// <summary>Decides one referral from its own seeded random stream (so packages can be planned in parallel).</summary>
internal sealed class ReferralPlanner(int seed, SubjectAssignment subjects, KnownPool pool, DateTime epoch, TimeSpan span)
{
    private static readonly (string Esp, string Platform, double Weight)[] Esps =
    [
        ("Facebook", "Facebook Messenger", 45), ("Instagram", "Instagram", 20), ("WhatsApp", "WhatsApp", 15),
        ("Google", "Google Drive", 7), ("Snapchat", "Snapchat", 4), ("TikTok", "TikTok", 4), ("Discord", "Discord", 2),
        ("Telegram", "Telegram", 1.5), ("Microsoft", "Skype", 1.5),
    ];

    public ReferralPlan Plan(int index)
    {
        var rng = SeedMix.Random(seed, RandomStream.Package, index);
        var count = subjects.ReportIds.Length;
        var received = epoch + (span * ((index + rng.NextDouble()) / count));
        received = new DateTime(received.Ticks - (received.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        var incidentAt = received.AddMinutes(-rng.Next(60, 60 * 24 * 45));
        var informational = rng.Chance(Scenario.InformationalRate);
        var country = rng.Chance(0.95) ? "PK" : rng.Pick(AddressBook.OtherCountries);
        var scenario = Scenario.Draw(rng, informational);
        var (esp, platform) = PickEsp(rng);
        var escalate = !informational && rng.Chance(scenario.IsSevere ? 0.5 : 0.003);
        var bundled = scenario.Indicators == TextIndicators.None && scenario.IncidentType == Scenario.Possession && rng.Chance(0.10);

        var subject = subjects.SubjectOf(index);
        var earlier = subjects.EarlierReports(index, 5);
        var context = new ReferralContext(country, platform, PersonPlanner.Key(esp), incidentAt,
            scenario.Flags.HasFlag(ReportFlags.MinorToMinor), earlier, subjects.ReportIds[0]);
        var person = subjects.HasPerson(index) ? PersonPlanner.Plan(rng, Suspect.Create(seed, subject), context) : null;

        var related = new List<long>();
        if (earlier.Count > 0 && rng.Chance(0.4))
        {
            related.AddRange(earlier);
        }

        if (index > 0 && rng.Chance(0.02))
        {
            var other = subjects.ReportIds[rng.Next(index)]; // linked only through a shared, meaningless identifier
            if (!related.Contains(other))
            {
                related.Add(other);
            }
        }

        var needsVictim = scenario.Indicators != TextIndicators.None || scenario.Flags.HasFlag(ReportFlags.MinorToMinor);
        var victim = needsVictim ? Victim(rng, scenario) : null;
        var suspectName = person?.ScreenName ?? person?.DisplayName ?? "user";
        var childName = victim?.ScreenName ?? victim?.FirstName ?? "user2";
        var chat = scenario.Indicators != TextIndicators.None || needsVictim || rng.Chance(0.25)
            ? ChatComposer.Chat(rng, incidentAt.AddDays(-rng.Next(1, 20)), suspectName, childName, scenario.Indicators, scenario.Deadline)
            : null;
        var additional = scenario.Indicators != TextIndicators.None && rng.Chance(0.4)
            ? ChatComposer.EspSummary(rng, scenario.Indicators)
            : rng.Chance(0.5) ? ChatComposer.Note(rng) : null;

        return new ReferralPlan
        {
            Index = index,
            ReportId = subjects.ReportIds[index],
            SubjectId = SubjectAssignment.SubjectLabel(subject),
            RepeatSubject = subjects.IsRepeat(index),
            ReceivedAt = received,
            IncidentAt = incidentAt,
            Informational = informational,
            Priority = Priority(rng, informational, escalate, scenario.IsSevere),
            Country = country,
            BundledCount = bundled ? rng.Zipf(2, 500) : null,
            RelatedReports = related,
            IncidentType = scenario.IncidentType,
            Esp = esp,
            Platform = platform,
            Escalation = escalate ? Escalation(rng) : null,
            Flags = scenario.Flags,
            Indicators = scenario.Indicators,
            Deadline = scenario.Deadline,
            Chat = chat,
            WebPageUrl = chat is null && rng.Chance(0.5) ? $"https://www.{context.EspKey}.com/p/{rng.Hex(12)}" : null,
            AdditionalInfo = additional,
            Person = person,
            Victim = victim,
            Files = FilePlanner.Plan(rng, pool, scenario, bundled, informational, incidentAt, person?.IpEvents ?? []),
        };
    }

    private static (string, string) PickEsp(Random rng)
    {
        var row = rng.Weighted(Esps.Select(e => ((e.Esp, e.Platform), e.Weight)).ToArray());
        return row;
    }

    private static string Priority(Random rng, bool informational, bool escalated, bool severe)
    {
        if (escalated)
        {
            return "E";
        }

        if (informational)
        {
            return "3";
        }

        var roll = rng.NextDouble();
        return severe
            ? roll < 0.3 ? "1" : roll < 0.8 ? "2" : "3"
            : roll < 0.002 ? "1" : roll < 0.057 ? "2" : "3";
    }

    private static string Escalation(Random rng) => rng.Pick(
    [
        "Reviewer believes a child may be at immediate risk. Please prioritise.",
        "Escalated by trust and safety: the minor may be in danger now.",
        "Urgent: recent activity suggests the child is at risk.",
    ]);

    private static VictimPlan Victim(Random rng, Scenario scenario)
    {
        var age = scenario.Flags.HasFlag(ReportFlags.MinorToMinor) ? rng.Next(13, 18) : rng.Next(10, 18);
        var name = rng.Chance(0.75) ? rng.Pick(PeopleNames.FemaleFirst) : rng.Pick(PeopleNames.MaleFirst);
        var screen = rng.Chance(0.6) ? $"{name.ToLowerInvariant()}_{rng.Next(1, 99)}" : null;
        var province = rng.Weighted(AddressBook.Provinces);
        return new VictimPlan(name, age, screen, rng.Chance(0.3) ? rng.Pick(PeopleNames.Schools) : null, AddressBook.CityIn(rng, province));
    }
}
