namespace Katalyst.Referrals.Geography;

/// <summary>Which source placed a referral, in the order <see cref="ReferralLocator"/> tries them.</summary>
public enum LocationSource
{
    /// <summary>NCMEC's geolocation of an IP address, in the manifest.</summary>
    NcmecGeolocation,

    /// <summary>The agency's own IP database in MaxMind's format.</summary>
    IpDatabase,

    /// <summary>The agency's CSV of IP ranges.</summary>
    IpRanges,

    /// <summary>A phone number's country (no province: mobile numbers are national).</summary>
    PhoneNumber,

    /// <summary>The ESP's estimate of where the account holder is.</summary>
    EspEstimate,

    /// <summary>Nothing in the referral placed it.</summary>
    Unknown,
}

/// <summary>Where a referral's suspect appears to be, and what said so.</summary>
/// <param name="Country">ISO-3166 alpha-2 country, upper case, when known.</param>
/// <param name="Province">Province, state or region, when known.</param>
/// <param name="District">District or city, when known.</param>
/// <param name="Source">The source that gave the answer.</param>
/// <param name="Evidence">What the source looked at, e.g. "IP 39.32.0.2 (Login 2026-10-01)".</param>
/// <param name="PhoneOperator">The mobile operator a phone number in the agency's country was allocated to, when known.</param>
public sealed record ReferralLocation(
    string? Country,
    string? Province,
    string? District,
    LocationSource Source,
    string Evidence,
    string? PhoneOperator)
{
    /// <summary>Nothing placed the referral.</summary>
    public static ReferralLocation Unknown(string? phoneOperator) =>
        new(null, null, null, LocationSource.Unknown, "no geolocation, IP match, ESP estimate or phone number", phoneOperator);
}
