using System.Net;
using System.Net.Sockets;

namespace Katalyst.Cli.Tests.Score;

/// <summary><c>--server</c> as a list of replicas: calls go to those that answer; a wrong entry is named.</summary>
public sealed class ScoreServerListTests(InferenceProcess service) : IClassFixture<InferenceProcess>
{
    [Fact]
    public async Task Score_ServerListWithOneReplicaDown_EveryReferralScoredByTheLiveOne()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "12", "--seed", "91", "--out", "g");

        var result = await KatalystProcess.RunAsync(work.Path, "score", "g", "--server", $"{ClosedPort()},{service.Address}", "--api-key", service.ApiKey);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal(12, result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task ImportWithScore_DnsWithoutPort_RefusedBeforeImportingNamingTheOption()
    {
        using var work = new WorkFolder();
        await KatalystProcess.RunAsync(work.Path, "generate", "--count", "2", "--seed", "92", "--out", "g");

        var result = await KatalystProcess.RunAsync(work.Path, "import", "g", "--score", "dns:///scoring");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("katalyst import: --score 'dns:///scoring' is not dns:///host:port (the port is required)", result.All, StringComparison.Ordinal);
        Assert.False(File.Exists(work["data/katalyst.db"]), "nothing is imported when --score is wrong");
    }

    private static string ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
