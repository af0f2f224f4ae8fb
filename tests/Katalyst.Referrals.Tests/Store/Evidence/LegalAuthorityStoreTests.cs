using Dapper;
using Katalyst.Referrals.Store.Access;
using Katalyst.Referrals.Store.Evidence;
using Katalyst.Referrals.Tests.Intake;
using Microsoft.Data.Sqlite;

namespace Katalyst.Referrals.Tests.Store.Evidence;

public sealed class LegalAuthorityStoreTests
{
    private const long ReportId = 7001;
    private static readonly DateTimeOffset At = new(2026, 10, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAsync_NoneRecorded_ReturnsNull()
    {
        await using var store = await StoreWithReferralAsync();

        Assert.Null(await new LegalAuthorityStore(store.DataSource).GetAsync(ReportId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_TwoRecorded_ReturnsLatest()
    {
        await using var store = await StoreWithReferralAsync();
        var authorities = new LegalAuthorityStore(store.DataSource);
        await authorities.RecordAsync(new(ReportId, "test.supervisor", At, "W-1", "first synthetic note"), TestContext.Current.CancellationToken);
        await authorities.RecordAsync(new(ReportId, "test.supervisor", At.AddHours(1), " W-2 ", "second synthetic note"), TestContext.Current.CancellationToken);

        var latest = await authorities.GetAsync(ReportId, TestContext.Current.CancellationToken);

        Assert.Equal(new LegalAuthority(ReportId, "test.supervisor", At.AddHours(1), "W-2", "second synthetic note"), latest);
    }

    [Theory]
    [InlineData("", "a note", "authority reference")]
    [InlineData("W-1", " ", "the note")]
    public async Task RecordAsync_EmptyField_RefusedNamingIt(string reference, string note, string named)
    {
        await using var store = await StoreWithReferralAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            new LegalAuthorityStore(store.DataSource).RecordAsync(new(ReportId, "test.supervisor", At, reference, note), TestContext.Current.CancellationToken));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_UnknownReferral_RefusedNamingIt()
    {
        await using var store = await StoreWithReferralAsync();

        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            new LegalAuthorityStore(store.DataSource).RecordAsync(new(999, "test.supervisor", At, "W-1", "note"), TestContext.Current.CancellationToken));

        Assert.Contains("999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_AuthorityRow_IsRefusedByTheStore()
    {
        await using var store = await StoreWithReferralAsync();
        await new LegalAuthorityStore(store.DataSource).RecordAsync(new(ReportId, "test.supervisor", At, "W-1", "note"), TestContext.Current.CancellationToken);
        await using var connection = await store.DataSource.OpenAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE referral_legal_authority SET reference = 'W-9'"));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedSinceAsync_ExactUserAndTargetOnly()
    {
        await using var store = await StoreWithReferralAsync();
        var log = new AuditLogStore(store.DataSource);
        await log.AppendAsync(At, "test.investigator", "media.revealed", "7001/f1", null, null, TestContext.Current.CancellationToken);
        var reveals = new RevealLookup(store.DataSource);

        Assert.True(await reveals.RecordedSinceAsync("test.investigator", "media.revealed", "7001/f1", At.AddMinutes(-1), TestContext.Current.CancellationToken));
        Assert.False(await reveals.RecordedSinceAsync("test.investigator", "media.revealed", "7001/f1", At.AddMinutes(1), TestContext.Current.CancellationToken));
        Assert.False(await reveals.RecordedSinceAsync("test.investigator", "media.revealed", "7001/f10", At.AddMinutes(-1), TestContext.Current.CancellationToken));
        Assert.False(await reveals.RecordedSinceAsync("test.investigator2", "media.revealed", "7001/f1", At.AddMinutes(-1), TestContext.Current.CancellationToken));
    }

    private static async Task<TempStore> StoreWithReferralAsync()
    {
        var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(ReportId, withFile: false);
        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, summary.Imported);
        return store;
    }
}
