using Katalyst.Inference.Media.Models;
using Katalyst.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Katalyst.Inference.Tests.Media.Models;

/// <summary>Readiness with the media models on: ready when all four load, not ready naming the file when one does not.</summary>
public sealed class MediaModelsReadinessTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-media-models-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task CheckHealth_AllModelsPresent_Healthy()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync());

        var entry = await MediaModelsEntryAsync(server);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
    }

    [Fact]
    public async Task CheckHealth_ModelFileMissing_UnhealthyNamingTheFile()
    {
        await CopyModelsAsync(except: MediaModelSet.FaceModel);
        using var server = new MediaModelsServer(folder);

        var entry = await MediaModelsEntryAsync(server);
        using var picture = DrawnImages.Draw(16);
        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "shapes.png", DrawnImages.Encode(picture));

        var missing = Path.Combine(folder, "blazeface-back.onnx");
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains(missing, entry.Description, StringComparison.Ordinal);
        Assert.Contains("missing", entry.Description, StringComparison.Ordinal);
        Assert.Null(analysis.Signals);
        Assert.Contains(missing, analysis.SignalsProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_TextModelMissing_UnhealthyNamingTheFileAndNoText()
    {
        await CopyModelsAsync(except: MediaModelSet.TextModel);
        using var server = new MediaModelsServer(folder);

        var entry = await MediaModelsEntryAsync(server);
        using var picture = DrawnImages.Draw(17);
        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "shapes.png", DrawnImages.Encode(picture));

        var missing = Path.Combine(folder, "ppocr-v4-det.onnx");
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains(missing, entry.Description, StringComparison.Ordinal);
        Assert.Null(analysis.Text);
        Assert.Contains(missing, analysis.SignalsProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_ModelFileAltered_UnhealthyNamingTheFileAndItsHash()
    {
        await CopyModelsAsync(except: MediaModelSet.AgeModel);
        await File.WriteAllBytesAsync(Path.Combine(folder, "faceres.onnx"), [1, 2, 3], TestContext.Current.CancellationToken);
        using var server = new MediaModelsServer(folder);

        var entry = await MediaModelsEntryAsync(server);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains(Path.Combine(folder, "faceres.onnx"), entry.Description, StringComparison.Ordinal);
        Assert.Contains("SHA-256", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckHealth_ManifestMissing_UnhealthyNamingIt()
    {
        using var server = new MediaModelsServer(folder);

        var entry = await MediaModelsEntryAsync(server);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains(Path.Combine(folder, "manifest.json"), entry.Description, StringComparison.Ordinal);
    }

    private async Task CopyModelsAsync(string except)
    {
        var source = await ConvertedMediaModels.GetAsync();
        File.Copy(Path.Combine(source, "manifest.json"), Path.Combine(folder, "manifest.json"));
        foreach (var name in ConvertedMediaModels.Names.Where(n => n != except))
        {
            File.Copy(Path.Combine(source, name + ".onnx"), Path.Combine(folder, name + ".onnx"));
        }
    }

    private static async Task<HealthReportEntry> MediaModelsEntryAsync(MediaModelsServer server)
    {
        var report = await server.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(c => c.Tags.Contains(KatalystTelemetry.ReadyTag), TestContext.Current.CancellationToken);
        return report.Entries["media-models"];
    }
}
