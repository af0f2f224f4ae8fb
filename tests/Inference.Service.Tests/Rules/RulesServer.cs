using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Katalyst.Inference.Tests.Rules;

/// <summary>The inference service over its own copy of the models folder, so a test may change rules.json freely.</summary>
public sealed class RulesServer : IDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    /// <summary>Copies the committed models to a temporary folder and starts the service over it.</summary>
    public RulesServer()
    {
        ModelsPath = ModelsCopy.From(Path.Combine(AppContext.BaseDirectory, "models"));

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Scoring:ModelsPath", ModelsPath));
        Channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
    }

    /// <summary>The service's models folder.</summary>
    public string ModelsPath { get; }

    /// <summary>A channel to the in-memory server.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>A handler into the in-memory server, for clients that make their own channel.</summary>
    public HttpMessageHandler CreateHandler() => factory.Server.CreateHandler();

    /// <summary>The server's address.</summary>
    public Uri BaseAddress => factory.Server.BaseAddress;

    /// <inheritdoc />
    public void Dispose()
    {
        Channel.Dispose();
        factory.Dispose();
        Directory.Delete(ModelsPath, recursive: true);
    }
}
