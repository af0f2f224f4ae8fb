using System.Globalization;
using System.Net;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Geography;

/// <summary>
/// Places a referral's suspect: NCMEC's geolocation in the manifest first, then the agency's IP database, then its
/// CSV of IP ranges, then the phone numbers' country, then the ESP's estimated location. The first source in that
/// order that names a province wins; when none does, the first that names a country. The answer says which source
/// gave it and what it looked at.
/// </summary>
public sealed class ReferralLocator(GeographyOptions options, IReadOnlyList<IIpLocations> ipLocations)
{
    private readonly PhoneCountries phones = new(options.AgencyCountry);

    /// <summary>Where the referral's suspect appears to be.</summary>
    public ReferralLocation Locate(ReferralManifest manifest, EspReport report)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(report);
        var suspects = report.PersonsOrUsersReported;
        var phoneCountries = suspects.SelectMany(s => s.Person?.Phones ?? []).Select(phones.Find).OfType<PhoneCountry>().ToList();
        var phoneOperator = phoneCountries.FirstOrDefault(p => p.Country == options.AgencyCountry && p.Operator is not null)?.Operator;

        var candidates = FromNcmec(manifest, suspects)
            .Concat(FromIpLookups(suspects))
            .Concat(phoneCountries.Select(p => new ReferralLocation(p.Country, null, null, LocationSource.PhoneNumber, $"phone {p.E164}", null)))
            .Concat(FromEspEstimate(suspects));
        ReferralLocation? countryOnly = null;
        foreach (var candidate in candidates)
        {
            if (candidate.Province is not null)
            {
                return candidate with { PhoneOperator = phoneOperator };
            }

            countryOnly ??= candidate.Country is not null ? candidate : null;
        }

        return countryOnly is null ? ReferralLocation.Unknown(phoneOperator) : countryOnly with { PhoneOperator = phoneOperator };
    }

    // The suspects' own addresses first: NCMEC looks up every IP in the report, victims' included.
    private static IEnumerable<ReferralLocation> FromNcmec(ReferralManifest manifest, IReadOnlyList<PersonOrUserReported> suspects)
    {
        var suspectIps = suspects.SelectMany(s => s.Account.IpCaptureEvents).Select(e => e.IpAddress.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return manifest.Geolocation
            .OrderByDescending(g => suspectIps.Contains(g.Ip.Trim()))
            .Select(g => new ReferralLocation(
                Upper(g.Country), Blank(g.Region), Blank(g.City), LocationSource.NcmecGeolocation,
                $"NCMEC geolocation of {g.Ip}" + (g.Isp is { Length: > 0 } isp ? $" ({isp})" : ""), null));
    }

    // Most recent address first: where the suspect was last seen.
    private IEnumerable<ReferralLocation> FromIpLookups(IReadOnlyList<PersonOrUserReported> suspects)
    {
        var events = suspects.SelectMany(s => s.Account.IpCaptureEvents).OrderByDescending(e => e.DateTime ?? DateTimeOffset.MinValue).ToList();
        foreach (var lookup in ipLocations)
        {
            foreach (var capture in events)
            {
                if (!IPAddress.TryParse(capture.IpAddress.Trim(), out var address) || lookup.Find(address) is not { } found)
                {
                    continue;
                }

                var when = capture.DateTime is { } at ? " " + at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
                yield return new ReferralLocation(Upper(found.Country), found.Province, found.District, lookup.Source,
                    $"IP {capture.IpAddress.Trim()} ({capture.EventName ?? "event"}{when})", null);
            }
        }
    }

    private static IEnumerable<ReferralLocation> FromEspEstimate(IReadOnlyList<PersonOrUserReported> suspects) =>
        suspects.Select(s => s.Account.EstimatedLocation).OfType<EstimatedLocation>()
            .Where(e => e.CountryCode is not null || e.Region is not null || e.City is not null)
            .Select(e => new ReferralLocation(Upper(e.CountryCode), Blank(e.Region), Blank(e.City), LocationSource.EspEstimate,
                "the ESP's estimated location" + (e.Verified == true ? " (verified)" : ""), null));

    private static string? Upper(string? value) => Blank(value)?.ToUpperInvariant();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
