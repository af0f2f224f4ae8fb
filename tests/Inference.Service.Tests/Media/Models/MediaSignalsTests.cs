using Katalyst.Inference.Media.Models;
using Katalyst.Protos.V1;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Katalyst.Inference.Tests.Media.Models;

/// <summary>
/// <c>Media.Analyze</c>'s image signals over a real gRPC channel, from the converted models, for pictures drawn by code.
/// No test asserts that a drawn picture holds a face: the face tests lower the threshold so that BlazeFace's most
/// confident anchors, whatever they are, come back, and check that they reach the response whole.
/// </summary>
public sealed class MediaSignalsTests
{
    [Fact]
    public async Task Analyze_DrawnPicture_ProbabilitiesSumToOneAndEmbeddingHas1280Values()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync());
        using var picture = DrawnImages.Draw(11);

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "shapes.png", DrawnImages.Encode(picture));

        Assert.Equal((ImageStatus.Image, ""), (analysis.Image, analysis.SignalsProblem));
        var content = analysis.Signals.ExplicitContent;
        float[] probabilities = [content.Drawing, content.Hentai, content.Neutral, content.Porn, content.Sexy];
        Assert.All(probabilities, p => Assert.InRange(p, 0f, 1f));
        Assert.Equal(1.0, probabilities.Sum(), 4);
        Assert.Equal(1280, analysis.Signals.Embedding.Count);
        Assert.Contains(analysis.Signals.Embedding, v => v != 0);
    }

    [Fact]
    public async Task Analyze_TwoDifferentPictures_DifferentEmbeddings()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync());
        using var first = DrawnImages.Draw(12);
        using var second = DrawnImages.Draw(13);

        var a = await MediaCalls.AnalyzeAsync(server.Channel, "a.png", DrawnImages.Encode(first));
        var b = await MediaCalls.AnalyzeAsync(server.Channel, "b.jpg", DrawnImages.Encode(second, SKEncodedImageFormat.Jpeg, 85));

        Assert.NotEqual(a.Signals.Embedding, b.Signals.Embedding);
    }

    [Fact]
    public async Task Analyze_NoFaceThreshold_MostConfidentAnchorsReachTheResponseWithBoxesAndAges()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync(), new Dictionary<string, string>
        {
            ["Media:Models:FaceMinScore"] = "0",
            ["Media:Models:FaceIouThreshold"] = "1",
            ["Media:Models:MaxFaces"] = "3",
        });
        using var picture = DrawnImages.Draw(14, 300, 200);

        var faces = (await MediaCalls.AnalyzeAsync(server.Channel, "shapes.png", DrawnImages.Encode(picture))).Signals.Faces;

        Assert.Equal(3, faces.Count);
        Assert.Equal(faces.Select(f => f.Score).OrderDescending(), faces.Select(f => f.Score));
        Assert.All(faces, f =>
        {
            Assert.InRange(f.X, 0f, 1f);
            Assert.InRange(f.Y, 0f, 1f);
            Assert.InRange(f.X + f.Width, f.X, 1.0001f);
            Assert.InRange(f.Y + f.Height, f.Y, 1.0001f);
            Assert.InRange(f.Score, float.Epsilon, 1f);
            Assert.InRange(f.ApparentAge, 0f, 99f);
            Assert.InRange(f.ApparentMinorProbability, 0f, 1f);
            Assert.InRange(f.MaleProbability, 0f, 1f);
        });
        Assert.Contains(faces, f => f.ApparentAge > 0);
    }

    [Fact]
    public async Task Analyze_ConcurrentCalls_OneRunPerModelWithTheSameAnswersAsOneAtATime()
    {
        const int Calls = 4;
        var folder = await ConvertedMediaModels.GetAsync();
        var faceSettings = new Dictionary<string, string> { ["Media:Models:FaceMinScore"] = "0", ["Media:Models:MaxFaces"] = "1" };
        var pictures = Enumerable.Range(20, Calls).Select(seed =>
        {
            using var picture = DrawnImages.Draw(seed);
            return DrawnImages.Encode(picture);
        }).ToArray();

        MediaAnalysis[] alone;
        using (var single = new MediaModelsServer(folder, new Dictionary<string, string>(faceSettings) { ["Media:Models:MaxBatchSize"] = "1" }))
        {
            alone = new MediaAnalysis[Calls];
            for (var i = 0; i < Calls; i++)
            {
                alone[i] = await MediaCalls.AnalyzeAsync(single.Channel, $"{i}.png", pictures[i]);
            }
        }

        // A batch waits up to 10 s to fill, so the four calls can only finish by sharing one run per model.
        using var batched = new MediaModelsServer(folder, new Dictionary<string, string>(faceSettings)
        {
            ["Media:Models:MaxBatchSize"] = $"{Calls}",
            ["Media:Models:MaxBatchDelayMilliseconds"] = "10000",
        });
        var together = await Task.WhenAll(pictures.Select((bytes, i) => MediaCalls.AnalyzeAsync(batched.Channel, $"{i}.png", bytes)));

        var models = batched.Services.GetRequiredService<MediaModelsState>().Set!;
        Assert.Equal((1L, Calls), (models.Content.Runs, models.Content.LargestBatch));
        Assert.Equal((1L, Calls), (models.Faces.Runs, models.Faces.LargestBatch));
        Assert.Equal((1L, Calls), (models.Ages.Runs, models.Ages.LargestBatch));
        for (var i = 0; i < Calls; i++)
        {
            var (a, b) = (alone[i].Signals, together[i].Signals);
            Assert.Equal(a.ExplicitContent.Porn, b.ExplicitContent.Porn, 4);
            Assert.Equal(a.ExplicitContent.Neutral, b.ExplicitContent.Neutral, 4);
            Assert.All(a.Embedding.Zip(b.Embedding), pair => Assert.Equal(pair.First, pair.Second, 3));
            var (fa, fb) = (Assert.Single(a.Faces), Assert.Single(b.Faces));
            Assert.Equal((fa.X, fa.Y, fa.Width, fa.Height), (fb.X, fb.Y, fb.Width, fb.Height));
            Assert.Equal(fa.ApparentAge, fb.ApparentAge, 2);
        }

        Assert.NotEqual(together[0].Signals.ExplicitContent.Neutral, together[1].Signals.ExplicitContent.Neutral);
    }

    [Fact]
    public async Task Analyze_ModelsOff_NoSignalsAndTheProblemNamesTheSetting()
    {
        using var server = new InferenceServer();
        using var picture = DrawnImages.Draw(15);

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "shapes.png", DrawnImages.Encode(picture));

        Assert.Null(analysis.Signals);
        Assert.Contains("Media:Models:Enabled", analysis.SignalsProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_NotAnImage_NoSignalsAndNoProblem()
    {
        using var server = new MediaModelsServer(await ConvertedMediaModels.GetAsync());

        var analysis = await MediaCalls.AnalyzeAsync(server.Channel, "notes.txt", "synthetic text, not a picture"u8.ToArray());

        Assert.Equal((ImageStatus.NotImage, ""), (analysis.Image, analysis.SignalsProblem));
        Assert.Null(analysis.Signals);
    }
}
