using Katalyst.Referrals.Geography;

namespace Katalyst.Referrals.Store.Routing;

/// <summary>Applies the routing rules to a location: a district rule beats its province's rule, which beats the fallback.</summary>
public static class RoutingRules
{
    /// <summary>The unit the rules send a referral at <paramref name="location"/> to, and why.</summary>
    public static RoutingDecision Decide(ReferralLocation location, IReadOnlyList<RoutingRule> rules, string agencyCountry)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(rules);
        var inCountry = location.Country is null || string.Equals(location.Country, agencyCountry, StringComparison.OrdinalIgnoreCase);
        if (inCountry && location.Province is { } province)
        {
            var byDistrict = location.District is { } district
                ? rules.FirstOrDefault(r => Same(r.Province, province) && r.District.Length > 0 && Same(r.District, district))
                : null;
            if (byDistrict is not null)
            {
                return new RoutingDecision(byDistrict.UnitId, $"{byDistrict.Place} → {byDistrict.UnitCode} (district rule)");
            }

            var byProvince = rules.FirstOrDefault(r => Same(r.Province, province) && r.District.Length == 0);
            if (byProvince is not null)
            {
                return new RoutingDecision(byProvince.UnitId, $"{byProvince.Place} → {byProvince.UnitCode} (province rule)");
            }
        }

        var why = location.Province is null
            ? location.Country is null ? "not located" : $"located only to country {location.Country}"
            : inCountry ? $"no rule for {location.Province}" : $"located outside {agencyCountry} ({location.Country})";
        var fallback = rules.FirstOrDefault(r => r.Province == RoutingRule.Fallback);
        return fallback is null
            ? new RoutingDecision(null, $"{why}; no fallback unit is set: a supervisor assigns it")
            : new RoutingDecision(fallback.UnitId, $"{why} → {fallback.UnitCode} (fallback unit)");
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
