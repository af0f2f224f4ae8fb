using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Katalyst.Cli.Tests.Score;

/// <summary>The real inference service, built beside the tests, running in its own process on a free loopback port.</summary>
public sealed class InferenceProcess : IAsyncLifetime
{
    private Process? process;

    /// <summary>The service's address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Address { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        Address = $"http://127.0.0.1:{port}";
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var service = Path.Combine(RepositoryRoot(), "Inference.Service", "bin", configuration, "net10.0", "Inference.Service.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(service)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(service);
        start.ArgumentList.Add($"--Kestrel:Endpoints:Grpc:Url={Address}");
        process = Process.Start(start) ?? throw new InvalidOperationException("the inference service did not start");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the inference service exited with {process.ExitCode}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        throw new TimeoutException($"the inference service did not listen on {Address} within 60 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Katalyst.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Katalyst.sln not found above the test binaries");
    }
}
