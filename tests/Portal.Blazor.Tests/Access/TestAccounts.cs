using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Access;

/// <summary>Creates local accounts in a test portal's store, hashed by the portal's own password hasher.</summary>
public static class TestAccounts
{
    /// <summary>The password of every account made here (synthetic).</summary>
    public const string Password = "test-password-0001";

    private static readonly SemaphoreSlim Creating = new(1, 1);

    /// <summary>The user name of the test account for a role, e.g. <c>test.investigator</c>.</summary>
    public static string UserNameFor(string role) => "test." + role.ToLowerInvariant();

    /// <summary>The test account for a role, created on first use; returns its user name.</summary>
    public static Task<string> ForRoleAsync(PortalServer server, string role) => EnsureAsync(server, UserNameFor(role), [role]);

    /// <summary>An account with these roles and <see cref="Password"/>, created unless it exists; returns its user name.</summary>
    public static async Task<string> EnsureAsync(PortalServer server, string userName, IReadOnlyCollection<string> roles)
    {
        var users = server.Services.GetRequiredService<UserStore>();
        await Creating.WaitAsync();
        try
        {
            if (await users.FindAsync(userName) is null)
            {
                var hash = server.Services.GetRequiredService<IPasswordHasher<UserAccount>>().HashPassword(null!, Password);
                await users.CreateAsync(new NewUserAccount(userName, "Test " + userName, hash, null, roles));
            }

            return userName;
        }
        finally
        {
            Creating.Release();
        }
    }
}
