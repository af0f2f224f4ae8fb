namespace Katalyst.Referrals.Scoring;

/// <summary>What the agency knows that turns a referral's facts into the scoring request's in-country and known-material signals.</summary>
/// <param name="AgencyCountry">The agency's ISO-3166 alpha-2 country, e.g. <c>PK</c>.</param>
/// <param name="CallingCode">The country's calling code without '+', e.g. <c>92</c>.</param>
/// <param name="MobilePrefix">The national mobile prefix after the trunk 0, e.g. <c>3</c> for Pakistani <c>03xx</c>.</param>
/// <param name="KnownHashes">Known-material hashes (MD5 and SHA-1, lower-case hex).</param>
public sealed record ScoringContext(string AgencyCountry, string CallingCode, string MobilePrefix, KnownHashList KnownHashes)
{
    /// <summary>Pakistan, the project's first agency, with no known hashes loaded.</summary>
    public static ScoringContext Pakistan(KnownHashList? knownHashes = null) => new("PK", "92", "3", knownHashes ?? KnownHashList.Empty);
}
