using System.Globalization;
using Katalyst.Synthetic.Network;
using Katalyst.Synthetic.Sampling;
using Katalyst.Synthetic.Subjects;
using Katalyst.Synthetic.Text;

namespace Katalyst.Synthetic.Referrals;

/// <summary>Shows a subset of a suspect's identity in one report, at the spec's rates and in varied forms.</summary>
internal static class PersonPlanner
{
    private static readonly string[] EventNames = ["Login", "Login", "Login", "Registration", "Upload", "Other", "Unknown"];

    public static ReportedPerson Plan(Random rng, Suspect suspect, ReferralContext context)
    {
        var inPakistan = context.Country == "PK";
        var showScreen = rng.Chance(0.90);
        var showEmail = rng.Chance(0.70);
        var showPhone = inPakistan && rng.Chance(0.45);
        if (!showScreen && !showEmail && !showPhone)
        {
            showScreen = true; // every reported person shows at least one distinctive identifier
        }

        var emails = new List<Identifier>();
        if (showEmail)
        {
            foreach (var email in suspect.Emails.Where((_, i) => i == 0 || rng.Chance(0.5)))
            {
                emails.Add(new Identifier(IdentifierForms.Email(rng, email), rng.Chance(0.5) ? true : null));
            }
        }

        if (rng.Chance(0.05))
        {
            emails.Add(new Identifier(rng.Pick(PeopleNames.GenericEmails), null));
        }

        var phones = showPhone
            ? suspect.Phones.Where((_, i) => i == 0 || rng.Chance(0.5))
                .Select(p => new Identifier(IdentifierForms.Phone(rng, p), rng.Chance(0.3) ? true : null)).ToList()
            : [];

        var events = new List<IpEvent>();
        for (var n = rng.Poisson(4); n > 0; n--)
        {
            events.Add(IpEventFor(rng, suspect, context));
        }

        var related = context.EarlierReports;
        IReadOnlyList<long> prior = [];
        if (rng.Chance(0.05))
        {
            prior = related.Count > 0
                ? related.Take(3).ToArray()
                : [context.FirstReportId - rng.Next(10_000, 5_000_000)];
        }

        var espId = $"{context.EspKey}{suspect.AccountNumber}";
        return new ReportedPerson
        {
            FirstName = rng.Chance(0.6) ? suspect.FirstName : null,
            LastName = rng.Chance(0.4) ? suspect.LastName : null,
            Emails = emails,
            Phones = phones,
            PhoneIsPakistani = phones.Count > 0,
            DateOfBirth = rng.Chance(0.30) && !context.MinorToMinor ? suspect.DateOfBirth : null,
            EspIdentifier = rng.Chance(0.8) ? espId : null,
            EspService = context.Platform,
            ScreenName = showScreen ? (rng.Chance(0.2) ? suspect.ScreenName.ToUpperInvariant() : suspect.ScreenName) : null,
            DisplayName = rng.Chance(0.6) ? suspect.DisplayName : null,
            ProfileUrl = rng.Chance(0.5) ? $"https://www.{context.EspKey}.com/{(showScreen ? suspect.ScreenName : espId)}" : null,
            ProfileBio = rng.Chance(0.4) ? ChatComposer.Bio(rng) : null,
            IpEvents = events,
            Imei = rng.Chance(0.2) ? suspect.Imei : null,
            PriorCTReports = prior,
            EstimatedLocation = rng.Chance(0.6)
                ? (inPakistan ? (suspect.City, suspect.Province, "PK") : (AddressBook.RandomForeign(rng, context.Country).City, "", context.Country))
                : null,
        };
    }

    private static IpEvent IpEventFor(Random rng, Suspect suspect, ReferralContext context)
    {
        IpPlace place;
        if (context.Country != "PK" || rng.Chance(0.2))
        {
            place = AddressBook.RandomForeign(rng, context.Country == "PK" ? null : context.Country);
        }
        else if (rng.Chance(0.2))
        {
            place = rng.Pick(AddressBook.CarrierNat);
        }
        else if (rng.Chance(0.7))
        {
            place = suspect.HomeBlock.At(suspect.HomeSubnet, rng.Next(1, 255));
        }
        else
        {
            place = AddressBook.RandomPakistani(rng);
        }

        var proxyRoll = rng.NextDouble();
        bool? proxy = proxyRoll < 0.15 ? true : proxyRoll < 0.6 ? false : null;
        var at = context.IncidentAt.AddMinutes(-rng.Next(0, 60 * 24 * 30));
        return new IpEvent(place, rng.Pick(EventNames), at, proxy, rng.Chance(0.3) ? rng.Next(1024, 65535) : null);
    }

    public static string Key(string esp) => esp.ToLower(CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>What person planning needs to know about the referral around it.</summary>
internal sealed record ReferralContext(
    string Country, string Platform, string EspKey, DateTime IncidentAt, bool MinorToMinor,
    IReadOnlyList<long> EarlierReports, long FirstReportId);
