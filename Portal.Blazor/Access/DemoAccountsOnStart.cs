using Katalyst.Portal.Audit;
using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Access;

/// <summary>
/// When <see cref="AccessOptions.DemoAccounts"/> is on, creates the demo units and one account per role
/// (<c>demo.investigator</c>, <c>demo.supervisor</c>, <c>demo.admin</c>, <c>demo.auditor</c>) that do not exist
/// yet. Runs after the store's migrations (registered after them).
/// </summary>
internal sealed partial class DemoAccountsOnStart(
    IOptions<AccessOptions> options,
    UnitStore units,
    UserStore users,
    AuditLogStore audit,
    IPasswordHasher<UserAccount> hasher,
    TimeProvider time,
    ILogger<DemoAccountsOnStart> logger) : IHostedService
{
    /// <summary>The demo units: code and name.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Units =
        [("ISB-CCW", "Islamabad CCW"), ("LHR-CCW", "Lahore CCW"), ("KHI-CCW", "Karachi CCW")];

    /// <summary>The demo account's user name for a role.</summary>
    public static string UserNameFor(string role) => "demo." + role.ToLowerInvariant();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.DemoAccounts || settings.Mode != AccessMode.Local)
        {
            return;
        }

        var created = new List<string>();
        foreach (var (code, name) in Units)
        {
            if (await units.FindAsync(code, cancellationToken) is null)
            {
                await units.CreateAsync(code, name, cancellationToken);
                created.Add(code);
            }
        }

        var home = await units.FindAsync(Units[0].Code, cancellationToken);
        foreach (var role in PortalRoles.All)
        {
            var userName = UserNameFor(role);
            if (await users.FindAsync(userName, cancellationToken) is not null)
            {
                continue;
            }

            var hash = hasher.HashPassword(null!, settings.DemoPassword);
            await users.CreateAsync(new NewUserAccount(userName, $"Demo {role}", hash, home?.Id, [role]), cancellationToken);
            created.Add(userName);
        }

        if (created.Count > 0)
        {
            await audit.AppendAsync(time.GetUtcNow(), "system", AuditActions.DemoAccountsCreated, null, string.Join(", ", created), null, cancellationToken);
            LogCreated(string.Join(", ", created));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo units and accounts created (Access:DemoAccounts is on; never on a live system): {Created}")]
    private partial void LogCreated(string created);
}
