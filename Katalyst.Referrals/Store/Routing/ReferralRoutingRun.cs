using Katalyst.Referrals.Geography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Referrals.Store.Routing;

/// <summary>
/// Places and routes every stored referral not routed yet: claims a chunk through the database (a lease, as the scoring
/// outbox does, so several portal instances on one store never route a referral twice), reads each back, locates it,
/// applies the rules as they stand and stores both, a chunk per transaction. Intake runs it after each import (as it
/// runs scoring), so a crash between import and routing is mended by the next run (the crashed run's claims lapse).
/// Rules changed later do not move routed referrals.
/// </summary>
/// <param name="dataSource">The store.</param>
/// <param name="locator">Places a referral.</param>
/// <param name="agencyCountry">The agency's country (ISO 3166 alpha-2).</param>
/// <param name="claimer">This instance's name in the claims it takes; machine, process and a random part when null.</param>
/// <param name="logger">Where a claim lost to another instance is reported.</param>
public sealed partial class ReferralRoutingRun(
    StoreDataSource dataSource, ReferralLocator locator, string agencyCountry, string? claimer = null, ILogger<ReferralRoutingRun>? logger = null)
{
    /// <summary>Referrals routed per transaction.</summary>
    public const int ChunkSize = 500;

    /// <summary>How long a claim holds before another instance may take the referrals over (the holder crashed).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private readonly string name = claimer ?? WorkClaimers.NewName();
    private readonly ILogger log = logger ?? NullLogger<ReferralRoutingRun>.Instance;

    /// <summary>Routes what is unrouted now; returns how many referrals it routed.</summary>
    public async Task<int> RouteUnroutedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var claims = new RoutingClaimStore(dataSource);
        var queries = new ReferralQueries(dataSource);
        var rules = await new RoutingRuleStore(dataSource).ListAsync(cancellationToken);
        var routed = 0;
        while (true)
        {
            var pending = await claims.ClaimAsync(name, ChunkSize, Lease, cancellationToken);
            if (pending.Count == 0)
            {
                return routed;
            }

            var stored = 0;
            try
            {
                var chunk = new List<(long, ReferralLocation, RoutingDecision)>(pending.Count);
                foreach (var reportId in pending)
                {
                    var location = await LocateAsync(queries, reportId, cancellationToken);
                    chunk.Add((reportId, location, RoutingRules.Decide(location, rules, agencyCountry)));
                }

                stored = await claims.CompleteAsync(name, chunk, cancellationToken);
            }
            catch (Exception)
            {
                // Nothing of the chunk was stored (the transaction rolled back): another run may take it at once.
                await claims.ReleaseAsync(name, pending, CancellationToken.None);
                throw;
            }

            if (stored < pending.Count)
            {
                LogClaimsLost(pending.Count - stored);
            }

            routed += stored;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} referrals this instance located were taken over by another instance after this one's lease lapsed; their routing was not stored")]
    private partial void LogClaimsLost(int count);
}
