using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Katalyst.Inference.Tests.Telemetry;

/// <summary>
/// The inference service in this process on real loopback sockets (Kestrel), so calls carry W3C trace context over
/// the wire and scrapes come from 127.0.0.1: gRPC on <see cref="GrpcAddress"/>, health and metrics on <see cref="OperationsAddress"/>.
/// </summary>
internal sealed class KestrelInferenceServer : IDisposable
{
    private readonly WebApplicationFactory<Program> factory;

    public KestrelInferenceServer(params (string Key, string Value)[] settings)
    {
        GrpcAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        OperationsAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Kestrel:Endpoints:Grpc:Url", GrpcAddress.ToString());
            b.UseSetting("Kestrel:Endpoints:Operations:Url", OperationsAddress.ToString());
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        factory.UseKestrel();
        factory.StartServer();
    }

    /// <summary>The gRPC endpoint (HTTP/2 cleartext).</summary>
    public Uri GrpcAddress { get; }

    /// <summary>The operations endpoint (HTTP/1.1): <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c>.</summary>
    public Uri OperationsAddress { get; }

    /// <summary>The host's services.</summary>
    public IServiceProvider Services => factory.Services;

    public void Dispose() => factory.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
