using Katalyst.Referrals.Store.Access;

namespace Katalyst.Referrals.Tests.Store.Access;

public sealed class UserStoreTests
{
    [Fact]
    public async Task CreateAsync_WithUnitAndRoles_ReadsBackWhole()
    {
        await using var store = await TempStore.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var unitId = await new UnitStore(store.DataSource).CreateAsync("ISB-CCW", "Islamabad CCW", ct);
        var users = new UserStore(store.DataSource);

        await users.CreateAsync(new NewUserAccount("a.khan", "A. Khan", "hash-value", unitId, ["Supervisor", "Investigator"]), ct);

        var account = await users.FindAsync("A.KHAN", ct);
        Assert.NotNull(account);
        Assert.Equal("a.khan", account.UserName);
        Assert.Equal("Islamabad CCW", account.UnitName);
        Assert.Equal(["Investigator", "Supervisor"], account.Roles);
        Assert.True(account.IsActive);
        Assert.Null(account.LockedUntil);
    }

    [Fact]
    public async Task CreateAsync_NameTaken_ThrowsNamingIt()
    {
        await using var store = await TempStore.CreateAsync();
        var users = new UserStore(store.DataSource);
        await users.CreateAsync(new NewUserAccount("a.khan", "A. Khan", null, null, []), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            users.CreateAsync(new NewUserAccount("a.khan", "Another", null, null, []), TestContext.Current.CancellationToken));

        Assert.Contains("'a.khan'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordFailedSignInAsync_AtLimit_LocksAndRestartsCount()
    {
        await using var store = await TempStore.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var users = new UserStore(store.DataSource);
        var id = await users.CreateAsync(new NewUserAccount("a.khan", "A. Khan", "h", null, []), ct);
        var until = DateTimeOffset.UtcNow.AddMinutes(15);

        Assert.False(await users.RecordFailedSignInAsync(id, 3, until, ct));
        Assert.False(await users.RecordFailedSignInAsync(id, 3, until, ct));
        Assert.True(await users.RecordFailedSignInAsync(id, 3, until, ct));

        var account = (await users.FindAsync("a.khan", ct))!;
        Assert.True(account.IsLockedAt(DateTimeOffset.UtcNow));
        Assert.Equal(0, account.FailedSignIns);
    }

    [Fact]
    public async Task ClearLockoutAsync_LockedAccount_Unlocks()
    {
        await using var store = await TempStore.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var users = new UserStore(store.DataSource);
        var id = await users.CreateAsync(new NewUserAccount("a.khan", "A. Khan", "h", null, []), ct);
        await users.RecordFailedSignInAsync(id, 1, DateTimeOffset.UtcNow.AddMinutes(15), ct);

        await users.ClearLockoutAsync(id, ct);

        Assert.False((await users.FindAsync("a.khan", ct))!.IsLockedAt(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task SetRolesAsync_NewSet_ReplacesOldRoles()
    {
        await using var store = await TempStore.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var users = new UserStore(store.DataSource);
        var id = await users.CreateAsync(new NewUserAccount("a.khan", "A. Khan", "h", null, ["Investigator"]), ct);

        await users.SetRolesAsync(id, ["Auditor"], ct);

        Assert.Equal(["Auditor"], (await users.FindAsync("a.khan", ct))!.Roles);
    }

    [Fact]
    public async Task SetActiveAsync_UnknownUser_Throws()
    {
        await using var store = await TempStore.CreateAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => new UserStore(store.DataSource).SetActiveAsync(404, false, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RenameAsync_Unit_KeepsCodeChangesName()
    {
        await using var store = await TempStore.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var units = new UnitStore(store.DataSource);
        var id = await units.CreateAsync("LHR-CCW", "Lahore", ct);

        await units.RenameAsync(id, "Lahore CCW", ct);

        Assert.Equal(new AgencyUnit(id, "LHR-CCW", "Lahore CCW"), await units.FindAsync("LHR-CCW", ct));
    }
}
