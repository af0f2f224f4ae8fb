using PhoneNumbers;

namespace Katalyst.Referrals.Geography;

/// <summary>A phone number's country and, for a mobile number, the operator it was allocated to.</summary>
/// <param name="Country">ISO-3166 alpha-2 region of the number.</param>
/// <param name="Operator">The operator's name, or null when the number is not mobile or the operator is unknown.</param>
/// <param name="E164">The number in E.164 form.</param>
public sealed record PhoneCountry(string Country, string? Operator, string E164);

/// <summary>Reads phone numbers as ESPs write them (+92 3xx, 0092…, 03…, spaces, dashes) with libphonenumber.</summary>
public sealed class PhoneCountries(string defaultRegion)
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToCarrierMapper Carriers = PhoneNumberToCarrierMapper.GetInstance();

    /// <summary>The number's country and operator, or null when libphonenumber cannot read it as a valid number.</summary>
    public PhoneCountry? Find(Model.PhoneNumber phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var text = phone.CountryCallingCode is { Length: > 0 } code && !phone.Value.TrimStart().StartsWith('+') && !phone.Value.TrimStart().StartsWith("00", StringComparison.Ordinal)
            ? "+" + code.TrimStart('+') + phone.Value.TrimStart().TrimStart('0')
            : phone.Value;
        try
        {
            var number = Util.Parse(text, defaultRegion);
            if (!Util.IsValidNumber(number))
            {
                return null;
            }

            var carrier = Carriers.GetNameForNumber(number, Locale.English);
            return new PhoneCountry(Util.GetRegionCodeForNumber(number), carrier.Length == 0 ? null : carrier, Util.Format(number, PhoneNumberFormat.E164));
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
