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
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>Creates (but does not start) a portal over an empty store, with extra settings and service changes.</summary>
    protected PortalServer(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        factory = new PortalFactory(folder, settings, services);
    }

    /// <summary>The running portal's services (its store, password hasher, options).</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>The portal's root address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Fills or alters the migrated store before any test runs; leaves it empty unless overridden.</summary>
    protected virtual Task PrepareStoreAsync(StoreDataSource dataSource, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async ValueTask InitializeAsync()
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
    public virtual async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private sealed class PortalFactory(string folder, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Store:Provider", "Sqlite");
            builder.UseSetting("Store:ConnectionString", $"Data Source={Path.Combine(folder, "katalyst.db")}");
            builder.UseSetting("Store:EvidencePath", Path.Combine(folder, "evidence"));
            builder.UseSetting("Uploads:Path", Path.Combine(folder, "uploads"));
            builder.UseSetting("Scoring:Server", ""); // no scoring service in these tests; scores are seeded
            builder.UseSetting("Access:DemoAccounts", "false"); // tests create their own accounts (TestAccounts)
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureServices(services);
            }
        }
    }
}
