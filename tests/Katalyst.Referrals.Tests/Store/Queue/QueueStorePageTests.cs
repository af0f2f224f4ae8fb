using Katalyst.Referrals.Store.Queue;
using static Katalyst.Referrals.Tests.Store.Queue.QueueFixture;

namespace Katalyst.Referrals.Tests.Store.Queue;

public sealed class QueueStorePageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PageAsync_DefaultOrder_TierThenScoreThenOldestWithUnscoredLast()
    {
        await using var store = await StoreWithAsync(Standard);

        Assert.Equal(StandardPriorityOrder, await IdsAsync(new QueueStore(store.DataSource), new QueueFilter()));
    }

    [Fact]
    public async Task PageAsync_TierOverride_OutranksScoredTier()
    {
        await using var store = await StoreWithAsync(Standard);
        await ExecuteAsync(store, "UPDATE referral_queue SET tier_override = 1 WHERE report_id = 103");

        var page = await new QueueStore(store.DataSource).PageAsync(QueueQuery.Default, Ct);

        Assert.Equal([102, 104, 103], page.Items.Take(3).Select(r => r.ReportId));
        Assert.Equal((1, 1, (int?)null), (page.Items[2].Tier, page.Items[2].TierOverride, page.Items[2].ScoredTier));
        Assert.Equal("IMMEDIATE", page.Items[2].EffectiveTierName);
    }

    [Fact]
    public async Task PageAsync_FirstRow_CarriesSummaryScoreReasonsAndState()
    {
        await using var store = await StoreWithAsync(Standard);

        var row = (await new QueueStore(store.DataSource).PageAsync(QueueQuery.Default, Ct)).Items[0];

        Assert.Equal(102, row.ReportId);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), row.ReceivedAt);
        Assert.Equal((1, "IMMEDIATE", 0.90), (row.Tier!.Value, row.TierName!, row.Score!.Value));
        Assert.Equal("Synthetic reason for tier 1.", Assert.Single(row.Reasons).Text);
        Assert.Equal((Enticement, "Example Chat", "referral"), (row.IncidentType, row.Platform!, row.ReportType));
        Assert.Equal(ReferralStatus.New, row.Status);
        Assert.Null(row.FirstReviewedAt);
    }

    [Fact]
    public async Task PageAsync_TierFilter_ReturnsOnlyThatEffectiveTier()
    {
        await using var store = await StoreWithAsync(Standard);

        Assert.Equal(new long[] { 105, 101 }, await IdsAsync(new QueueStore(store.DataSource), new QueueFilter { Tier = 2 }));
    }

    [Fact]
    public async Task PageAsync_ScoreRange_ReturnsScoresWithinBoundsOnly()
    {
        await using var store = await StoreWithAsync(Standard);

        Assert.Equal(new long[] { 101, 107 }, await IdsAsync(new QueueStore(store.DataSource), new QueueFilter { MinScore = 0.4, MaxScore = 0.8 }));
    }

    [Fact]
    public async Task PageAsync_StatusFilter_ReturnsOnlyThatStatus()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);
        await queue.MarkReviewedAsync([101, 106], Ct);

        Assert.Equal(new long[] { 101, 106 }, await IdsAsync(queue, new QueueFilter { Status = ReferralStatus.InReview }));
        Assert.Equal(6, (await queue.PageAsync(QueueQuery.Default with { Filter = new QueueFilter { Status = ReferralStatus.New } }, Ct)).TotalCount);
    }

    [Fact]
    public async Task PageAsync_IncidentTypeFilter_ReturnsOnlyThatType()
    {
        await using var store = await StoreWithAsync(Standard);

        Assert.Equal(new long[] { 102, 105 }, await IdsAsync(new QueueStore(store.DataSource), new QueueFilter { IncidentType = Enticement }));
    }

    [Fact]
    public async Task PageAsync_UnitAndAssigneeFilters_ReturnOnlyTheirReferrals()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);
        await queue.AssignAsync([107, 101], userId: null, unitId: 3, Ct);
        await queue.AssignAsync([106], userId: 9, unitId: null, Ct);

        Assert.Equal(new long[] { 101, 107 }, await IdsAsync(queue, new QueueFilter { UnitId = 3 }));
        Assert.Equal(new long[] { 106 }, await IdsAsync(queue, new QueueFilter { AssigneeUserId = 9 }));
    }

    [Fact]
    public async Task PageAsync_InvestigatorScope_HidesOnlyOtherUnitsReferrals()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);
        await queue.AssignAsync([107, 101], userId: null, unitId: 3, Ct); // their unit
        await queue.AssignAsync([102, 105], userId: null, unitId: 4, Ct); // another unit
        await queue.AssignAsync([105], userId: 9, unitId: 4, Ct); // another unit, but assigned to them

        var scoped = await IdsAsync(queue, new QueueFilter { Scope = new QueueScope(9, 3) });
        var all = await IdsAsync(queue, new QueueFilter());

        Assert.Equal(all.Where(id => id != 102), scoped);
        Assert.True(await queue.InScopeAsync(105, new QueueScope(9, 3), Ct));
        Assert.False(await queue.InScopeAsync(102, new QueueScope(9, 3), Ct));
        Assert.False(await queue.InScopeAsync(107, new QueueScope(8, null), Ct));
        Assert.True(await queue.InScopeAsync(103, new QueueScope(8, null), Ct));
        Assert.True(await queue.InScopeAsync(999, new QueueScope(8, null), Ct)); // not stored: the caller says "not found"
    }

    [Fact]
    public async Task PageAsync_ReceivedRange_IncludesStartExcludesEnd()
    {
        await using var store = await StoreWithAsync(Standard);

        var ids = await IdsAsync(new QueueStore(store.DataSource), new QueueFilter
        {
            ReceivedFrom = new DateTimeOffset(2026, 10, 2, 8, 0, 0, TimeSpan.Zero),
            ReceivedBefore = new DateTimeOffset(2026, 10, 5, 8, 0, 0, TimeSpan.Zero),
        }, QueueSort.Received);

        Assert.Equal([104, 103, 105], ids);
    }

    [Fact]
    public async Task PageAsync_FreeText_FindsWordPrefixInReportText()
    {
        await using var store = await StoreWithAsync(Standard);

        // "meet" finds "meet" and "Meeting", whatever the case.
        Assert.Equal(new long[] { 102, 107 }, await IdsAsync(new QueueStore(store.DataSource), new QueueFilter { Text = "MEET" }));
    }

    [Fact]
    public async Task PageAsync_FreeTextOnly_TotalCountedInTextIndexMatchesWithOtherFilter()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);

        var textOnly = await queue.PageAsync(QueueQuery.Default with { Filter = new QueueFilter { Text = "meet" } }, Ct);
        var withTier = await queue.PageAsync(QueueQuery.Default with { Filter = new QueueFilter { Text = "meet", Tier = 3 } }, Ct);

        Assert.Equal((2, 2), (textOnly.Items.Count, textOnly.TotalCount));
        Assert.Equal((1, 1), (withTier.Items.Count, withTier.TotalCount));
    }

    [Fact]
    public async Task PageAsync_FreeTextSeveralWords_NeedsEveryWord()
    {
        await using var store = await StoreWithAsync(Standard);

        Assert.Equal(new long[] { 107 }, await IdsAsync(new QueueStore(store.DataSource), new QueueFilter { Text = "meet park" }));
    }

    [Fact]
    public async Task PageAsync_FreeTextWithSearchSyntax_IsReadAsWordsNotSyntax()
    {
        await using var store = await StoreWithAsync(Standard);

        // Quotes, stars and brackets would be FTS5 syntax; typed text is only ever words.
        Assert.Equal(new long[] { 105 }, await IdsAsync(new QueueStore(store.DataSource), new QueueFilter { Text = "\"tasveer* (" }));
    }

    [Fact]
    public async Task PageAsync_ScoreSortDescending_LowestFirst()
    {
        await using var store = await StoreWithAsync(Standard);

        var ids = await IdsAsync(new QueueStore(store.DataSource), new QueueFilter { MinScore = 0 }, QueueSort.Score, descending: true);

        Assert.Equal([106, 107, 101, 102, 104, 105], ids);
    }

    [Fact]
    public async Task PageAsync_ReceivedSortDescending_NewestFirst()
    {
        await using var store = await StoreWithAsync(Standard);

        var ids = await IdsAsync(new QueueStore(store.DataSource), new QueueFilter(), QueueSort.Received, descending: true);

        Assert.Equal([107, 106, 101, 105, 103, 104, 102, 108], ids);
    }

    [Fact]
    public async Task PageAsync_Pages_CoverQueueOnceWithTotalCount()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);

        var pages = new List<QueuePage>();
        for (var skip = 0; skip < 8; skip += 3)
        {
            pages.Add(await queue.PageAsync(QueueQuery.Default with { Skip = skip, Take = 3 }, Ct));
        }

        Assert.All(pages, p => Assert.Equal(8, p.TotalCount));
        Assert.Equal([3, 3, 2], pages.Select(p => p.Items.Count));
        Assert.Equal(StandardPriorityOrder, pages.SelectMany(p => p.Items).Select(r => r.ReportId));
    }

    [Fact]
    public async Task PageAsync_FilteredCount_CountsMatchesNotPage()
    {
        await using var store = await StoreWithAsync(Standard);

        var page = await new QueueStore(store.DataSource).PageAsync(new QueueQuery(new QueueFilter { Tier = 1 }, Take: 1), Ct);

        Assert.Equal((1, 2), (page.Items.Count, page.TotalCount));
    }

    [Theory]
    [InlineData("tier", "Tier must be 1 to 5, not 6.")]
    [InlineData("score", "MinScore 0.9 is above MaxScore 0.1.")]
    [InlineData("text", "Text '*** ()' holds no word to search for")]
    [InlineData("take", "Take must be 1 to 500, not 501.")]
    [InlineData("dates", "is not before ReceivedBefore")]
    public async Task PageAsync_InvalidQuery_ThrowsNamingTheField(string which, string expected)
    {
        await using var store = await TempStore.CreateAsync();
        var day = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        var query = which switch
        {
            "tier" => new QueueQuery(new QueueFilter { Tier = 6 }),
            "score" => new QueueQuery(new QueueFilter { MinScore = 0.9, MaxScore = 0.1 }),
            "text" => new QueueQuery(new QueueFilter { Text = "*** ()" }),
            "take" => QueueQuery.Default with { Take = 501 },
            _ => new QueueQuery(new QueueFilter { ReceivedFrom = day, ReceivedBefore = day }),
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new QueueStore(store.DataSource).PageAsync(query, Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
