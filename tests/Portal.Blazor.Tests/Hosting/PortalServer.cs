using Katalyst.Referrals.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Hosting;

/// <summary>
/// The portal on Kestrel at a free loopback port, over its own SQLite store in a temporary folder.
/// Start-up applies the store's migrations; a subclass then prepares the store (<see cref="PrepareStoreAsync"/>).
/// </summary>
public class PortalServer : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-portal-").FullName;
    private readonly PortalFactory factory;

    /// <summary>Creates (but does not start) a portal over an empty store.</summary>
    public PortalServer()
    {
        factory = new PortalFactory($"Data Source={Path.Combine(folder, "katalyst.db")}", Path.Combine(folder, "evidence"), ConfigureServices);
    }

    /// <summary>The portal's root address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Fills or alters the migrated store before any test runs; leaves it empty unless overridden.</summary>
    protected virtual Task PrepareStoreAsync(StoreDataSource dataSource, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Replaces services of the portal before it starts (e.g. who may use bulk actions); none by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        BaseAddress = new Uri(addresses.Addresses.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        await PrepareStoreAsync(factory.Services.GetRequiredService<StoreDataSource>(), TestContext.Current.CancellationToken);
    }

    /// <summary>An HTTP client for the portal.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private sealed class PortalFactory(string connectionString, string evidencePath, Action<IServiceCollection> configureServices) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Store:Provider", "Sqlite");
            builder.UseSetting("Store:ConnectionString", connectionString);
            builder.UseSetting("Store:EvidencePath", evidencePath);
            builder.UseSetting("Scoring:Server", ""); // no scoring service in these tests; scores are seeded
            builder.ConfigureServices(configureServices);
        }
    }
}
