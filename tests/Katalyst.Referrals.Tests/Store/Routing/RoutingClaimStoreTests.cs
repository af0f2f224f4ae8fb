using Katalyst.Referrals.Geography;
using Katalyst.Referrals.Store.Routing;
using Katalyst.Referrals.Tests.Intake;

namespace Katalyst.Referrals.Tests.Store.Routing;

/// <summary>Routing's claims (migration 0014): what keeps two portal instances from locating and routing one referral twice.</summary>
public sealed class RoutingClaimStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClaimAsync_TwoClaimersRacingOneReferralAtATime_EveryReferralClaimedOnce()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, 40);
        var claims = new RoutingClaimStore(store.DataSource);

        var taken = await Task.WhenAll(Task.Run(() => ClaimAllAsync(claims, "portal-a"), Ct), Task.Run(() => ClaimAllAsync(claims, "portal-b"), Ct));

        Assert.Equal(Enumerable.Range(2001, 40).Select(i => (long)i), taken.SelectMany(t => t).Order());
        Assert.All(taken, t => Assert.NotEmpty(t));
    }

    [Fact]
    public async Task CompleteAsync_ClaimLapsedAndTakenOver_FormerHolderStoresNothing()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, 1);
        var claims = new RoutingClaimStore(store.DataSource);
        var reportId = Assert.Single(await claims.ClaimAsync("portal-a", 10, TimeSpan.FromMilliseconds(1), Ct));
        await Task.Delay(20, Ct);
        Assert.Equal(reportId, Assert.Single(await claims.ClaimAsync("portal-b", 10, Lease, Ct)));
        var decision = new RoutingDecision(null, "no rules");

        Assert.Equal(0, await claims.CompleteAsync("portal-a", [(reportId, ReferralLocation.Unknown(null), decision)], Ct));
        Assert.Equal(1, await claims.CompleteAsync("portal-b", [(reportId, ReferralLocation.Unknown(null), decision)], Ct));
        Assert.NotNull(await new ReferralRoutingStore(store.DataSource).GetAsync(reportId, Ct));
        Assert.Empty(await claims.ClaimAsync("portal-a", 10, Lease, Ct));
    }

    [Fact]
    public async Task RouteUnroutedAsync_TwoRunsAtOnce_EachReferralRoutedByOne()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, 30);
        var options = new GeographyOptions();
        ReferralRoutingRun Run(string claimer) => new(store.DataSource, new ReferralLocator(options, []), options.AgencyCountry, claimer);

        var routed = await Task.WhenAll(Task.Run(() => Run("portal-a").RouteUnroutedAsync(cancellationToken: Ct), Ct), Task.Run(() => Run("portal-b").RouteUnroutedAsync(cancellationToken: Ct), Ct));

        Assert.Equal(30, routed.Sum());
    }

    private static async Task<List<long>> ClaimAllAsync(RoutingClaimStore claims, string claimer)
    {
        var taken = new List<long>();
        while (await claims.ClaimAsync(claimer, 1, Lease, Ct) is [var reportId])
        {
            Assert.DoesNotContain(reportId, taken);
            taken.Add(reportId);
            await Task.Delay(5, Ct); // the routing's time: SQLite's busy wait would otherwise let one claimer take everything
        }

        return taken;
    }

    private static async Task ImportAsync(TempStore store, int count)
    {
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        for (var reportId = 2001; reportId < 2001 + count; reportId++)
        {
            packages.Write(reportId, withFile: false);
        }

        Assert.Equal(count, (await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct)).Imported);
    }
}
