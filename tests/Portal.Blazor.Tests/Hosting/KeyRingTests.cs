using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;

namespace Katalyst.Portal.Tests.Hosting;

/// <summary>Two portal replicas over one store: a sign-in on one holds on the other only when they share a key ring.</summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-keyring-").FullName;

    [Fact]
    public async Task SignedInCookie_OtherReplicaSharesKeyRing_Accepted()
    {
        var status = await StatusOnSecondReplicaAsync(Path.Combine(folder, "keys"), Path.Combine(folder, "keys"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(folder, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task SignedInCookie_OtherReplicaHasItsOwnKeyRing_SentToSignIn()
    {
        var status = await StatusOnSecondReplicaAsync(Path.Combine(folder, "keys-a"), Path.Combine(folder, "keys-b"));

        Assert.Equal(HttpStatusCode.Redirect, status);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    // Signs in on replica A and asks replica B for the queue with A's cookie.
    private async Task<HttpStatusCode> StatusOnSecondReplicaAsync(string keysA, string keysB)
    {
        await using var a = new Replica(folder, keysA);
        await a.InitializeAsync();
        await using var b = new Replica(folder, keysB);
        await b.InitializeAsync();
        // One cookie jar for both: cookies are per host, not per port, so A's sign-in cookie goes to B as well.
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = a.BaseAddress };
        using (var signIn = await PortalSession.PostSignInAsync(client, await TestAccounts.ForRoleAsync(a, PortalRoles.Investigator), TestAccounts.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var response = await client.GetAsync(b.BaseAddress, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private sealed class Replica(string folder, string keys) : PortalServer(new Dictionary<string, string?>
    {
        ["Store:ConnectionString"] = $"Data Source={Path.Combine(folder, "shared.db")}",
        ["Store:EvidencePath"] = Path.Combine(folder, "evidence"),
        ["KeyRing:Path"] = keys,
    });
}
