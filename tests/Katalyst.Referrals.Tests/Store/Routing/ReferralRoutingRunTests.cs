using Katalyst.Referrals.Geography;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Queue;
using Katalyst.Referrals.Store.Routing;
using Katalyst.Referrals.Store.Workflow;
using Katalyst.Referrals.Tests.Intake;

namespace Katalyst.Referrals.Tests.Store.Routing;

public sealed class ReferralRoutingRunTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RouteUnroutedAsync_Rules_DistrictBeatsProvinceFallbackTakesTheRestAssignmentKept()
    {
        await using var store = await TempStore.CreateAsync();
        var units = new UnitStore(store.DataSource);
        var (punjab, sindh, karachi, hq) = (await units.CreateAsync("PB", "Punjab wing", Ct), await units.CreateAsync("SD", "Sindh wing", Ct),
            await units.CreateAsync("KHI", "Karachi office", Ct), await units.CreateAsync("HQ", "Headquarters", Ct));
        var rules = new RoutingRuleStore(store.DataSource);
        await rules.AddAsync("Punjab", null, punjab, "admin", Ct);
        await rules.AddAsync("Sindh", null, sindh, "admin", Ct);
        await rules.AddAsync("sindh", "KARACHI", karachi, "admin", Ct);
        await rules.AddAsync(RoutingRule.Fallback, null, hq, "admin", Ct);
        await ImportAsync(store, new()
        {
            [201] = Geo("39.32.0.2", "Punjab", "Lahore"),
            [202] = Geo("182.185.1.1", "Sindh", "Karachi"),
            [203] = Geo("182.185.2.2", "Sindh", "Hyderabad"),
            [204] = Geo("203.0.113.1", "Balochistan", "Quetta"),
            [205] = "[]",
            [206] = Geo("39.32.0.3", "Punjab", "Multan"),
        });
        await new WorkflowStore(store.DataSource, new WorkflowOptions()).AssignAsync(206, userId: null, unitId: sindh, "sup", Ct);

        var routed = await Run(store).RouteUnroutedAsync(cancellationToken: Ct);

        Assert.Equal(6, routed);
        Assert.Equal(0, await Run(store).RouteUnroutedAsync(cancellationToken: Ct));
        var queue = (await QueryAsync<(long ReportId, long? UnitId, string? Province)>(store, "SELECT report_id, unit_id, province FROM referral_queue ORDER BY report_id")).ToList();
        Assert.Equal(
            [(201, punjab, "Punjab"), (202, karachi, "Sindh"), (203, sindh, "Sindh"), (204, hq, "Balochistan"), (205, hq, null), (206, sindh, "Punjab")],
            queue.Select(q => (q.ReportId, q.UnitId, q.Province)));
        var byProvince = await new QueueStore(store.DataSource).PageAsync(new QueueQuery(new QueueFilter { Province = "punjab" }), Ct);
        Assert.Equal([201L, 206L], byProvince.Items.Select(r => r.ReportId).Order());
        var routing = new ReferralRoutingStore(store.DataSource);
        Assert.Equal("KARACHI, sindh → KHI (district rule)", (await routing.GetAsync(202, Ct))!.Reason);
        Assert.Equal("no rule for Balochistan → HQ (fallback unit)", (await routing.GetAsync(204, Ct))!.Reason);
        var unlocated = (await routing.GetAsync(205, Ct))!;
        Assert.Equal((LocationSource.Unknown, "not located → HQ (fallback unit)"), (unlocated.Location.Source, unlocated.Reason));
        var held = (await routing.GetAsync(206, Ct))!;
        Assert.Equal((punjab, "PB"), (held.UnitId!.Value, held.UnitCode));
    }

    [Fact]
    public async Task RouteUnroutedAsync_NoRulesAtAll_LeftForSupervisorSayingSo()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, new() { [301] = Geo("39.32.0.2", "Punjab", "Lahore") });

        await Run(store).RouteUnroutedAsync(cancellationToken: Ct);

        var routing = (await new ReferralRoutingStore(store.DataSource).GetAsync(301, Ct))!;
        Assert.Null(routing.UnitId);
        Assert.Equal("no rule for Punjab; no fallback unit is set: a supervisor assigns it", routing.Reason);
        Assert.Equal("NCMEC geolocation of 39.32.0.2", routing.Location.Evidence);
    }

    [Fact]
    public async Task RouteUnroutedAsync_StoredDocumentNoLongerReads_RoutedAsNotLocatedSayingWhy()
    {
        await using var store = await TempStore.CreateAsync();
        await ImportAsync(store, new() { [401] = Geo("39.32.0.2", "Punjab", "Lahore"), [402] = Geo("39.32.0.3", "Punjab", "Lahore") });
        await using (var connection = await store.DataSource.OpenAsync(Ct))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE referrals SET report_xml = '<report><broken' WHERE report_id = 401");
        }

        Assert.Equal(2, await Run(store).RouteUnroutedAsync(cancellationToken: Ct));

        var broken = (await new ReferralRoutingStore(store.DataSource).GetAsync(401, Ct))!;
        Assert.Equal(LocationSource.Unknown, broken.Location.Source);
        Assert.StartsWith("its stored documents could not be read: ", broken.Location.Evidence, StringComparison.Ordinal);
        Assert.Equal("Punjab", (await new ReferralRoutingStore(store.DataSource).GetAsync(402, Ct))!.Location.Province);
    }

    [Fact]
    public async Task AddAsync_BadRules_RefusedNamingTheFault()
    {
        await using var store = await TempStore.CreateAsync();
        var unit = await new UnitStore(store.DataSource).CreateAsync("PB", "Punjab wing", Ct);
        var rules = new RoutingRuleStore(store.DataSource);
        await rules.AddAsync("Punjab", null, unit, "admin", Ct);

        Assert.Equal("A rule for PUNJAB exists: remove it first.", (await Assert.ThrowsAsync<ArgumentException>(() => rules.AddAsync("PUNJAB", " ", unit, "admin", Ct))).Message);
        Assert.Equal("Unit 999 does not exist.", (await Assert.ThrowsAsync<ArgumentException>(() => rules.AddAsync("Sindh", null, 999, "admin", Ct))).Message);
        Assert.Equal("A routing rule needs a province: it is empty.", (await Assert.ThrowsAsync<ArgumentException>(() => rules.AddAsync(" ", null, unit, "admin", Ct))).Message);
        Assert.StartsWith("The fallback rule ('*') covers every place", (await Assert.ThrowsAsync<ArgumentException>(() => rules.AddAsync("*", "Lahore", unit, "admin", Ct))).Message, StringComparison.Ordinal);
        var only = Assert.Single(await rules.ListAsync(Ct));
        Assert.True(await rules.RemoveAsync(only.Id, Ct));
        Assert.Empty(await rules.ListAsync(Ct));
    }

    private static ReferralRoutingRun Run(TempStore store)
    {
        var options = new GeographyOptions();
        return new ReferralRoutingRun(store.DataSource, new ReferralLocator(options, []), options.AgencyCountry);
    }

    private static string Geo(string ip, string region, string city) => $$"""[ { "ip": "{{ip}}", "country": "PK", "region": "{{region}}", "city": "{{city}}" } ]""";

    private static async Task ImportAsync(TempStore store, Dictionary<long, string> geolocations)
    {
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        foreach (var (reportId, geolocation) in geolocations)
        {
            var manifest = PackageBuilder.Manifest(reportId).TrimEnd().TrimEnd('}') + $", \"geolocation\": {geolocation} }}";
            packages.Write(reportId, PackageBuilder.ValidReport, manifest, withFile: false);
        }

        Assert.Equal(geolocations.Count, (await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct)).Imported);
    }

    private static async Task<IEnumerable<T>> QueryAsync<T>(TempStore store, string sql)
    {
        await using var connection = await store.DataSource.OpenAsync(Ct);
        return await Dapper.SqlMapper.QueryAsync<T>(connection, sql);
    }
}
