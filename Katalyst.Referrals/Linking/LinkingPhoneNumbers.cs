using PhoneNumbers;
using LibPhoneNumber = PhoneNumbers.PhoneNumber;

namespace Katalyst.Referrals.Linking;

/// <summary>
/// Normalises phone numbers to E.164 with libphonenumber (Google's metadata: trunk prefixes, international
/// prefixes such as 00, every country's lengths), so <c>+92 300 1234567</c>, <c>0092-300-1234567</c> and
/// <c>0300 1234567</c> are one number. A number without a country code is read in the default region.
/// </summary>
public sealed class LinkingPhoneNumbers(string defaultRegion)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The region a national number is read in (ISO 3166 alpha-2).</summary>
    public string DefaultRegion { get; } = defaultRegion;

    /// <summary>The number in E.164, or null when it cannot be a phone number.</summary>
    /// <param name="value">The number as written.</param>
    /// <param name="countryCallingCode">The report's <c>countryCallingCode</c> (e.g. <c>+92</c>), when given.</param>
    public string? Normalize(string? value, string? countryCallingCode = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var region = DefaultRegion;
        if (countryCallingCode is { Length: > 0 } code && int.TryParse(code.TrimStart('+'), out var calling))
        {
            var forCode = Util.GetRegionCodeForCountryCode(calling);
            if (forCode != "ZZ")
            {
                region = forCode;
            }
        }

        try
        {
            LibPhoneNumber parsed = Util.Parse(text, region);
            return Util.IsPossibleNumber(parsed) ? Util.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
