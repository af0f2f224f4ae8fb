using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Katalyst.Inference.Tests.Media.Models;

/// <summary>The inference service with its media models on (Media:Models), reached over a real gRPC channel.</summary>
internal sealed class MediaModelsServer : IDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    /// <summary>Starts the service with the media models in <paramref name="folder"/> and any further <paramref name="settings"/>.</summary>
    public MediaModelsServer(string folder, IReadOnlyDictionary<string, string>? settings = null)
    {
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Media:Models:Enabled", "true");
            b.UseSetting("Media:Models:Path", folder);
            b.UseSetting("Media:Models:ExecutionProvider", "Cpu");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }
        });
        Channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
    }

    /// <summary>A channel to the in-memory server.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The server's services, for looking inside (readiness, batch counts).</summary>
    public IServiceProvider Services => factory.Services;

    /// <inheritdoc />
    public void Dispose()
    {
        Channel.Dispose();
        factory.Dispose();
    }
}
