using Katalyst.Inference.Media.Models;
using Katalyst.Inference.Tests.Media.Models;
using Katalyst.Media.Text;
using Katalyst.Models.Conversion;
using Katalyst.Protos.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Katalyst.Inference.Tests.Media.Text;

/// <summary>
/// Text in pictures through <c>Media.Analyze</c> over a real gRPC channel: PaddleOCR's detector (one of the media models)
/// and Debian's tesseract (tesseract-ocr, -eng, -urd; without them the OCR tests fail naming the package, never skip).
/// </summary>
public sealed class MediaTextTests
{
    [Fact]
    public async Task Analyze_PictureWithRenderedText_ReturnsEverySignal()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync());

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "words.png", TextPictures.Words("HELLO 2026"));

        Assert.Equal((ImageStatus.Image, ""), (analysis.Image, analysis.SignalsProblem));
        Assert.Matches("^[0-9a-f]{64}$", analysis.Pdq);
        var content = analysis.Signals.ExplicitContent;
        Assert.Equal(1.0, content.Drawing + content.Hentai + content.Neutral + content.Porn + content.Sexy, 4);
        Assert.Equal(1280, analysis.Signals.Embedding.Count);
        Assert.NotNull(analysis.Signals.Faces);
        var text = analysis.Text;
        Assert.True(text.Present);
        var region = Assert.Single(text.Regions);
        Assert.InRange(region.X, 0.01f, 0.2f);
        Assert.InRange(region.Width, 0.2f, 0.9f);
        Assert.InRange(region.Y + region.Height, 0.5f, 1f);
        Assert.InRange(region.Score, 0.6f, 1f);
        Assert.Equal("", text.OcrProblem);
        Assert.Contains("HELLO", text.OcrText, StringComparison.Ordinal);
        Assert.Contains("2026", text.OcrText, StringComparison.Ordinal);
        Assert.Equal("eng+urd", text.OcrLanguages);
        Assert.InRange(text.OcrConfidence, 1f, 100f);
    }

    [Fact]
    public async Task Analyze_PlainGradient_TextNotPresentAndNothingRead()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync());

        var text = (await MediaCalls.AnalyzeAsync(server.Channel, "gradient.png", TextPictures.Gradient())).Text;

        Assert.False(text.Present);
        Assert.Empty(text.Regions);
        Assert.Equal(("", "", ""), (text.OcrText, text.OcrLanguages, text.OcrProblem));
    }

    [Fact]
    public async Task Analyze_OcrTurnedOff_TextFoundAndTheProblemNamesTheSetting()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync(), new Dictionary<string, string> { ["Media:Ocr:Enabled"] = "false" });

        var text = (await MediaCalls.AnalyzeAsync(server.Channel, "words.png", TextPictures.Words("HELLO 2026"))).Text;
        var tools = await MediaHealth.ReadyEntryAsync(server.Services, "media-tools");

        Assert.True(text.Present);
        Assert.Equal("", text.OcrText);
        Assert.Contains("Media:Ocr:Enabled", text.OcrProblem, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, tools.Status);
    }

    [Fact]
    public async Task Analyze_TesseractMissing_ProblemNamesTheDebianPackageAndToolsDegraded()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync(), new Dictionary<string, string> { ["Media:Ocr:Executable"] = "/nonexistent/tesseract" });

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "words.png", TextPictures.Words("HELLO 2026"));
        var tools = await MediaHealth.ReadyEntryAsync(server.Services, "media-tools");

        Assert.Equal(1280, analysis.Signals.Embedding.Count);
        Assert.True(analysis.Text.Present);
        Assert.Equal("", analysis.Text.OcrText);
        Assert.Contains("words.png", analysis.Text.OcrProblem, StringComparison.Ordinal);
        Assert.Contains("apt-get install tesseract-ocr", analysis.Text.OcrProblem, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, tools.Status);
        Assert.Contains("tesseract-ocr", tools.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ModelsOff_NoTextAndTheProblemNamesTheSetting()
    {
        using var server = new InferenceServer();

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "words.png", TextPictures.Words("HELLO 2026"));

        Assert.Null(analysis.Text);
        Assert.Contains("Media:Models:Enabled", analysis.SignalsProblem, StringComparison.Ordinal);
    }

    [Fact]
    public void PaddleOcrDetection_ModelPath_IsTheDetectorsPackagedPath() =>
        Assert.Equal((TextDetector.PackagedModelPath, MediaModelSet.TextModel), (MediaModels.PaddleOcrDetection.ModelPath, MediaModels.PaddleOcrDetection.Name));
}
