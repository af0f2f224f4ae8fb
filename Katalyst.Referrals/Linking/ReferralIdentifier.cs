namespace Katalyst.Referrals.Linking;

/// <summary>One identifier found in a referral.</summary>
/// <param name="Kind">What it is (<see cref="IdentifierKinds"/>).</param>
/// <param name="Value">The normalised value: equal values are the same identifier.</param>
/// <param name="Surface">The value as the report wrote it.</param>
/// <param name="Source">Where in the package it came from, e.g. <c>report.xml personOrUserReported[1]/email[2]</c>.</param>
/// <param name="Detail">What else the report said about it (an IP's time, port and event); null when nothing.</param>
public sealed record ReferralIdentifier(string Kind, string Value, string Surface, string Source, string? Detail = null);
