using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Katalyst.Inference.Tests;

/// <summary>The inference service hosted in memory, reached over a real gRPC channel.</summary>
public sealed class InferenceServer : IDisposable
{
    private readonly WebApplicationFactory<Program> factory = new();

    /// <summary>Creates the server and a channel to it.</summary>
    public InferenceServer()
    {
        Channel = GrpcChannel.ForAddress(
            factory.Server.BaseAddress,
            new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
    }

    /// <summary>The server's services, for looking inside (e.g. how requests were batched).</summary>
    public IServiceProvider Services => factory.Services;

    /// <summary>A channel to the in-memory server.</summary>
    public GrpcChannel Channel { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Channel.Dispose();
        factory.Dispose();
    }
}
