using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Katalyst.Inference.Tests.Scoring;
using Katalyst.Media.HashSets;
using Katalyst.Referrals.Scoring;

namespace Katalyst.Inference.Tests.Telemetry;

/// <summary>The service's operations endpoint: probes for the orchestrator and metrics for Prometheus.</summary>
public sealed class OperationsEndpointTests
{
    [Fact]
    public async Task HealthReady_Started_ReportsModelsHashSetsAndHostReady()
    {
        using var server = new KestrelInferenceServer();
        using var http = new HttpClient { BaseAddress = server.OperationsAddress };

        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks");
        Assert.Equal("models loaded", checks.GetProperty("models").GetProperty("description").GetString());
        Assert.Equal("hash sets loaded", checks.GetProperty("hash sets").GetProperty("description").GetString());
        Assert.Equal("Healthy", checks.GetProperty("host").GetProperty("status").GetString());
    }

    [Fact]
    public async Task HealthLive_Started_Answers200()
    {
        using var server = new KestrelInferenceServer();
        using var http = new HttpClient { BaseAddress = server.OperationsAddress };

        using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Metrics_FromLoopbackAfterScoring_AnswersPrometheusText()
    {
        var ct = TestContext.Current.CancellationToken;
        var sets = Directory.CreateTempSubdirectory("katalyst-hashsets-").FullName;
        var csv = Path.Combine(sets, "list.csv");
        File.WriteAllText(csv, HashListCsv.Header + "\nmd5,0123456789abcdef0123456789abcdef,A1,NCMEC\nmd5,fedcba9876543210fedcba9876543210,A1,NCMEC\n");
        new HashSetFolder(sets).Import(csv, "ncmec", 31, true, cancellationToken: ct);
        using var cleanup = new TemporaryFolder(sets);
        using var server = new KestrelInferenceServer(("HashSets:Path", sets));
        using (var client = new ScoringClient(server.GrpcAddress))
        {
            await client.ScoreAsync([Hallmarks.Plain(7001)], ct);
        }

        using var http = new HttpClient { BaseAddress = server.OperationsAddress };
        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("# TYPE katalyst_scoring_referrals_total counter", text, StringComparison.Ordinal);
        Assert.Contains("katalyst_scoring_batch_size_", text, StringComparison.Ordinal);
        Assert.Matches("(?m)^katalyst_hashsets_entries(_[a-z]+)?\\{[^}]*hash_type=\"md5\"[^}]*set=\"ncmec\"[^}]*\\} 2( |$)", text);
        Assert.DoesNotContain("7001", text, StringComparison.Ordinal); // no report ids in metrics
    }

    [Fact]
    public async Task Metrics_ClientOutsideAllowedNetworks_Refused403()
    {
        using var server = new KestrelInferenceServer(("Telemetry:Prometheus:AllowedNetworks:0", "10.20.0.0/16"));
        using var http = new HttpClient { BaseAddress = server.OperationsAddress };

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("katalyst_", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

/// <summary>Deletes a test's temporary folder when disposed.</summary>
internal sealed class TemporaryFolder(string path) : IDisposable
{
    public void Dispose() => Directory.Delete(path, recursive: true);
}
