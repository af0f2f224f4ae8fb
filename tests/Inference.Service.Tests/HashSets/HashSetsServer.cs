using Grpc.Net.Client;
using Katalyst.Media.HashSets;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Katalyst.Inference.Tests.HashSets;

/// <summary>The inference service over its own temporary hash-set folder, reached over a real gRPC channel.</summary>
public sealed class HashSetsServer : IDisposable
{
    private WebApplicationFactory<Program>? factory;
    private GrpcChannel? channel;

    /// <summary>An empty folder; import sets into it (<see cref="Import"/>), then <see cref="Start"/>.</summary>
    public HashSetsServer() => FolderPath = Directory.CreateTempSubdirectory("katalyst-hashsets-").FullName;

    /// <summary>The service's hash-set folder.</summary>
    public string FolderPath { get; }

    /// <summary>A channel to the started server.</summary>
    public GrpcChannel Channel => channel ?? throw new InvalidOperationException("start the server first");

    /// <summary>Imports a list written from <paramref name="rows"/> (under the documented header) as set <paramref name="name"/>.</summary>
    public HashSetImport Import(string name, string rows, int radius = 31, bool enabled = true)
    {
        var csv = Path.Combine(Path.GetTempPath(), $"katalyst-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, HashListCsv.Header + "\n" + rows);
        try
        {
            return new HashSetFolder(FolderPath).Import(csv, name, radius, enabled, cancellationToken: TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>Starts the service over the folder, with any further <paramref name="settings"/>.</summary>
    public HashSetsServer Start(IReadOnlyDictionary<string, string>? settings = null)
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("HashSets:Path", FolderPath);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }
        });
        channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        return this;
    }

    /// <summary>The started server's address, for typed clients.</summary>
    public Uri BaseAddress => factory?.Server.BaseAddress ?? throw new InvalidOperationException("start the server first");

    /// <summary>The started server's services, for looking inside (readiness).</summary>
    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("start the server first");

    /// <summary>A handler into the started in-memory server, for typed clients.</summary>
    public HttpMessageHandler CreateHandler() => factory?.Server.CreateHandler() ?? throw new InvalidOperationException("start the server first");

    /// <inheritdoc />
    public void Dispose()
    {
        channel?.Dispose();
        factory?.Dispose();
        Directory.Delete(FolderPath, recursive: true);
    }
}
