using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Katalyst.Portal.Admin;

/// <summary>Administration of accounts: create, roles, unit, disable or enable, password, unlock. Admin role only.</summary>
public sealed partial class UsersAdminPage
{
    private readonly Dictionary<long, string> passwords = [];
    private IReadOnlyList<UserAccount> users = [];
    private IReadOnlyList<AgencyUnit> units = [];
    private Draft draft = new();
    private string? message;
    private Severity messageSeverity = Severity.Success;

    [Inject]
    private UserStore Users { get; set; } = default!;

    [Inject]
    private UnitStore Units { get; set; } = default!;

    [Inject]
    private UserAdministration Administration { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => LoadAsync();

    private string State(UserAccount account) =>
        !account.IsActive ? "disabled"
        : account.IsLockedAt(Time.GetUtcNow()) ? "locked"
        : account.FailedSignIns > 0 ? $"active ({account.FailedSignIns} failed sign-ins)"
        : "active";

    private async Task LoadAsync()
    {
        users = await Users.ListAsync();
        units = await Units.ListAsync();
        foreach (var user in users)
        {
            passwords.TryAdd(user.Id, "");
        }
    }

    private Task CreateAsync() => RunAsync(async () =>
    {
        await Administration.CreateUserAsync(draft.UserName, draft.DisplayName, draft.Password, draft.Roles, draft.UnitId);
        draft = new Draft();
    }, $"Account {draft.UserName.Trim()} created.");

    private Task SetRolesAsync(UserAccount account, IReadOnlyCollection<string> roles) =>
        RunAsync(() => Administration.SetRolesAsync(account, roles), $"Roles of {account.UserName} changed.");

    private Task SetUnitAsync(UserAccount account, long? unitId) =>
        RunAsync(() => Administration.SetUnitAsync(account, units.FirstOrDefault(u => u.Id == unitId)), $"Unit of {account.UserName} changed.");

    private Task ToggleActiveAsync(UserAccount account) =>
        RunAsync(() => Administration.SetActiveAsync(account, !account.IsActive), $"{account.UserName} {(account.IsActive ? "disabled" : "enabled")}.");

    private Task UnlockAsync(UserAccount account) =>
        RunAsync(() => Administration.UnlockAsync(account), $"{account.UserName} unlocked.");

    private Task ResetPasswordAsync(UserAccount account) => RunAsync(async () =>
    {
        await Administration.ResetPasswordAsync(account, passwords[account.Id]);
        passwords[account.Id] = "";
    }, $"Password of {account.UserName} set.");

    private async Task RunAsync(Func<Task> change, string done)
    {
        try
        {
            await change();
            (message, messageSeverity) = (done, Severity.Success);
            await LoadAsync();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            (message, messageSeverity) = (e.Message, Severity.Error);
        }
    }

    private sealed class Draft
    {
        public string UserName { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public string Password { get; set; } = "";

        public IReadOnlyCollection<string> Roles { get; set; } = [];

        public long? UnitId { get; set; }
    }
}
