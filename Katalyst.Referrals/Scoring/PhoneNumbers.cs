using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Scoring;

/// <summary>Decides whether a phone number as ESPs write it (+92 3xx, 0092…, 03…, spaces, dashes) is in the agency's country.</summary>
public static class PhoneNumbers
{
    /// <summary>True for an international number with the country's calling code, or a national mobile number (0 + mobile prefix).</summary>
    public static bool IsInCountry(PhoneNumber phone, ScoringContext context)
    {
        ArgumentNullException.ThrowIfNull(phone);
        ArgumentNullException.ThrowIfNull(context);
        if (phone.CountryCallingCode is { Length: > 0 } code)
        {
            return code.TrimStart('+') == context.CallingCode;
        }

        var digits = new string(phone.Value.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return digits.StartsWith("+" + context.CallingCode, StringComparison.Ordinal)
            || digits.StartsWith("00" + context.CallingCode, StringComparison.Ordinal)
            || digits.StartsWith("0" + context.MobilePrefix, StringComparison.Ordinal);
    }
}
