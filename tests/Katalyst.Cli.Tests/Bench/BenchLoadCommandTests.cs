namespace Katalyst.Cli.Tests.Bench;

/// <summary>`katalyst bench load` runs for a few seconds against the real service process (figures are not judged here).</summary>
public sealed class BenchLoadCommandTests(InferenceProcess service) : IClassFixture<InferenceProcess>
{
    [Fact]
    public async Task BenchLoad_ShortRun_ReportsEachIntervalOverallAndServiceMemory()
    {
        using var work = new WorkFolder();
        var pid = ServicePid();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "load", "--server", service.Address, "--api-key", service.ApiKey,
            "--rate", "100", "--duration", "4s", "--interval", "2s", "--service-pid", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Matches(@"\s0-2 s: [\d,]+ calls, [\d,]+ ok, errors none, p50 [\d.]+ ms, p90 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms, service RSS [\d,]+ MB", result.Output);
        Assert.Matches(@"\s2-4 s: [\d,]+ calls", result.Output);
        Assert.Matches(@"Overall: 400 calls, 400 ok, errors none, p50", result.Output);
        Assert.Matches(@"Service RSS: start [\d,]+ MB, end [\d,]+ MB", result.Output);
    }

    [Fact]
    public async Task BenchLoad_UnitlessDuration_RefusedNamingTheOption()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "load", "--server", service.Address, "--duration", "10");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--duration", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BenchLoad_ServiceUnreachableDuringTheRun_ErrorsCountedByStatusCode()
    {
        using var work = new WorkFolder();
        var closed = $"http://127.0.0.1:{FreePort()}";

        var result = await KatalystProcess.RunAsync(work.Path, "bench", "load", "--server", closed, "--rate", "20", "--duration", "1s", "--interval", "1s");

        Assert.NotEqual(0, result.ExitCode); // the first (connecting) call fails: nothing to measure
        Assert.Contains("Unavailable", result.All, StringComparison.Ordinal);
    }

    // The service is `dotnet Inference.Service.dll --Kestrel:Endpoints:Grpc:Url=<its address>`: found by its command line.
    private int ServicePid()
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(folder);
            if (int.TryParse(name, out var pid) && File.Exists(Path.Combine(folder, "cmdline")))
            {
                try
                {
                    var command = File.ReadAllText(Path.Combine(folder, "cmdline"));
                    if (command.Contains("Inference.Service.dll", StringComparison.Ordinal) && command.Contains(service.Address, StringComparison.Ordinal))
                    {
                        return pid;
                    }
                }
                catch (IOException)
                {
                    // the process ended while we looked
                }
            }
        }

        throw new InvalidOperationException($"no process serves {service.Address}");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
