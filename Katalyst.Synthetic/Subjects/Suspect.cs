using Katalyst.Synthetic.Network;
using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Subjects;

/// <summary>
/// A suspect's canonical identity, derived only from (seed, subject number) so every package that reuses
/// the suspect sees the same person. Packages show a subset of it, in varied surface forms.
/// </summary>
internal sealed class Suspect
{
    private Suspect() { }

    public required string SubjectId { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public required string ScreenName { get; init; }
    public required string DisplayName { get; init; }

    /// <summary>Lower-case canonical addresses; the first is the main one.</summary>
    public required string[] Emails { get; init; }

    /// <summary>National significant numbers without the trunk 0, e.g. <c>3001234567</c>.</summary>
    public required string[] Phones { get; init; }

    public required DateOnly DateOfBirth { get; init; }
    public required string Province { get; init; }
    public required string City { get; init; }
    public required IspBlock HomeBlock { get; init; }
    public required int HomeSubnet { get; init; }
    public required string AccountNumber { get; init; }
    public required string Imei { get; init; }

    public static Suspect Create(int seed, int subject)
    {
        var rng = SeedMix.Random(seed, RandomStream.Subject, subject);
        var first = rng.Pick(PeopleNames.MaleFirst);
        var last = rng.Pick(PeopleNames.Last);
        var province = rng.Weighted(AddressBook.Provinces);
        var number = rng.Next(1, 999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var screen = rng.Next(4) switch
        {
            0 => $"{first}{last}{number}",
            1 => $"{first}_{rng.Pick(PeopleNames.ScreenWords)}",
            2 => $"{rng.Pick(PeopleNames.ScreenWords)}.{first}{number}",
            _ => $"the_{rng.Pick(PeopleNames.ScreenWords)}_{number}",
        };
        var emailCount = rng.Chance(0.3) ? 2 : 1;
        var emails = new string[emailCount];
        for (var i = 0; i < emailCount; i++)
        {
            var local = rng.Next(3) switch
            {
                0 => $"{first}.{last}{number}",
                1 => $"{first}{last}{rng.Next(10, 99)}",
                _ => screen.Replace("_", ".", StringComparison.Ordinal),
            };
            emails[i] = $"{local}@{rng.Weighted(PeopleNames.EmailDomains)}".ToLowerInvariant();
        }

        var phones = new string[rng.Chance(0.25) ? 2 : 1];
        for (var i = 0; i < phones.Length; i++)
        {
            phones[i] = $"3{rng.Next(0, 5)}{rng.Next(0, 10)}{rng.Digits(7)}";
        }

        return new Suspect
        {
            SubjectId = SubjectAssignment.SubjectLabel(subject),
            FirstName = first,
            LastName = last,
            ScreenName = screen.ToLowerInvariant(),
            DisplayName = rng.Chance(0.3) ? rng.Pick(PeopleNames.CommonDisplayNames) : $"{first} {last}",
            Emails = emails,
            Phones = phones,
            DateOfBirth = new DateOnly(1970, 1, 1).AddDays(rng.Next(0, 365 * 36)),
            Province = province,
            City = AddressBook.CityIn(rng, province),
            HomeBlock = AddressBook.HomeBlock(rng, province),
            HomeSubnet = rng.Next(0, 256),
            AccountNumber = rng.Digits(15),
            Imei = $"35{rng.Digits(13)}",
        };
    }
}
