using Katalyst.Referrals.Geography;

namespace Katalyst.Referrals.Store.Routing;

/// <summary>
/// Places and routes every stored referral not routed yet: reads it back, locates it, applies the rules as they
/// stand and stores both, a chunk per transaction. Intake runs it after each import (as it runs scoring), so a
/// crash between import and routing is mended by the next run. Rules changed later do not move routed referrals.
/// </summary>
public sealed class ReferralRoutingRun(StoreDataSource dataSource, ReferralLocator locator, string agencyCountry)
{
    /// <summary>Referrals routed per transaction.</summary>
    public const int ChunkSize = 500;

    /// <summary>Routes what is unrouted now; returns how many referrals it routed.</summary>
    public async Task<int> RouteUnroutedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var store = new ReferralRoutingStore(dataSource);
        var queries = new ReferralQueries(dataSource);
        var rules = await new RoutingRuleStore(dataSource).ListAsync(cancellationToken);
        var routed = 0;
        while (true)
        {
            var pending = await store.UnroutedAsync(ChunkSize, cancellationToken);
            var chunk = new List<(long, ReferralLocation, RoutingDecision)>(pending.Count);
            foreach (var reportId in pending)
            {
                var location = await LocateAsync(queries, reportId, cancellationToken);
                chunk.Add((reportId, location, RoutingRules.Decide(location, rules, agencyCountry)));
            }

            if (chunk.Count == 0)
            {
                return routed;
            }

            await store.SaveAsync(chunk, cancellationToken);
            routed += chunk.Count;
            progress?.Report(routed);
        }
    }

    // A stored referral whose documents no longer read is routed as not located (with the reason), never skipped:
    // skipping would leave it unrouted and retried forever.
    private async Task<ReferralLocation> LocateAsync(ReferralQueries queries, long reportId, CancellationToken cancellationToken)
    {
        try
        {
            var referral = await queries.GetAsync(reportId, cancellationToken);
            return referral is null
                ? ReferralLocation.Unknown(null) with { Evidence = "the referral was not found when routing ran" }
                : locator.Locate(referral.Manifest, referral.Report);
        }
        catch (Exception ex) when (ex is InvalidDataException or Intake.ReferralFormatException or System.Xml.XmlException or System.Text.Json.JsonException or FormatException)
        {
            return ReferralLocation.Unknown(null) with { Evidence = $"its stored documents could not be read: {ex.Message}" };
        }
    }
}
