using Katalyst.Protos.V1;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store.Analysis;
using Katalyst.Referrals.Tests.Intake;

namespace Katalyst.Referrals.Tests.Store.Analysis;

/// <summary>
/// Media signals (migration 0018) from the service's answer to the scoring request: the answer is built as the
/// <see cref="MediaAnalysis"/> message the media service sends (a boundary; benign pictures never look explicit, so the
/// values are chosen), turned into the stored row as <see cref="FileAnalysisRun"/> does, stored through the claims, and
/// read back by <see cref="StoredReferralRequests"/>.
/// </summary>
public sealed class FileMediaSignalsStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CompleteAsync_AnalysisWithSignals_SummaryStoredAndMappedIntoTheScoreRequest()
    {
        await using var store = await TempStore.CreateAsync();
        var file = await ImportAndClaimAsync(store);
        var answer = Answer(file);
        answer.Signals = Signals(porn: 0.91f, faces: [(0.97f, 0.2f, 31f), (0.88f, 0.83f, 14.5f)]);

        Assert.True(await new FileAnalysisClaimStore(store.DataSource).CompleteAsync("portal-a", Row(file, answer), Ct));

        var media = new FileMediaSignalsStore(store.DataSource);
        var stored = (await media.ForReferralAsync(file.ReportId, Ct))[file.FileId];
        Assert.Equal(new FileMediaSignals(1, 0.01f, 0.02f, 1f - 0.91f - 0.05f, 0.91f, 0.02f, 2, 0.97f, 0.83f, 0.88f, 14.5f, null, null), stored);
        Assert.Equal(answer.Signals.Embedding.ToArray(), await media.EmbeddingAsync(file.ReportId, file.FileId, Ct));
        var request = await new StoredReferralRequests(store.DataSource, ScoringContext.Pakistan(), afterAnalysis: true).BuildAsync(file.ReportId, Ct);
        var mapped = Assert.Single(request!.Files).Media;
        Assert.Equal(new MediaSignals
        {
            Drawing = 0.01f, Hentai = 0.02f, Neutral = 1f - 0.91f - 0.05f, Porn = 0.91f, Sexy = 0.02f,
            FaceCount = 2, ApparentMinorProbability = 0.83f, ApparentMinorFaceScore = 0.88f, ApparentAge = 14.5f,
        }, mapped);
    }

    [Fact]
    public async Task CompleteAsync_SignalsAbsent_ProblemStoredAndRequestHasNoMedia()
    {
        await using var store = await TempStore.CreateAsync();
        var file = await ImportAndClaimAsync(store);
        var answer = Answer(file);
        answer.SignalsProblem = "the media models are turned off (Media:Models:Enabled is false)";

        Assert.True(await new FileAnalysisClaimStore(store.DataSource).CompleteAsync("portal-a", Row(file, answer), Ct));

        var stored = (await new FileMediaSignalsStore(store.DataSource).ForReferralAsync(file.ReportId, Ct))[file.FileId];
        Assert.Equal(answer.SignalsProblem, stored.Problem);
        Assert.False(stored.HasSignals);
        var request = await new StoredReferralRequests(store.DataSource, ScoringContext.Pakistan(), afterAnalysis: true).BuildAsync(file.ReportId, Ct);
        Assert.Null(Assert.Single(request!.Files).Media);
    }

    [Fact]
    public async Task CompleteAsync_ClaimLost_NoSignalsStoredEither()
    {
        await using var store = await TempStore.CreateAsync();
        var file = await ImportAndClaimAsync(store);
        var answer = Answer(file);
        answer.Signals = Signals(porn: 0.5f, faces: []);

        Assert.False(await new FileAnalysisClaimStore(store.DataSource).CompleteAsync("portal-b", Row(file, answer), Ct));

        Assert.Empty(await new FileMediaSignalsStore(store.DataSource).ForReferralAsync(file.ReportId, Ct));
    }

    [Fact]
    public async Task SaveAsync_NotAnImage_NoSignalsRow()
    {
        await using var store = await TempStore.CreateAsync();
        var file = await ImportAndClaimAsync(store);
        var answer = Answer(file);
        answer.Image = ImageStatus.NotImage;

        Assert.True(await new FileAnalysisStore(store.DataSource).SaveAsync(Row(file, answer), Ct));

        Assert.Empty(await new FileMediaSignalsStore(store.DataSource).ForReferralAsync(file.ReportId, Ct));
        var request = await new StoredReferralRequests(store.DataSource, ScoringContext.Pakistan(), afterAnalysis: true).BuildAsync(file.ReportId, Ct);
        Assert.Null(Assert.Single(request!.Files).Media);
    }

    [Fact]
    public void MaxOverFrames_ThreeFrames_MaximaTheMinorFramesFaceAndMeanEmbedding()
    {
        FileMediaSignals[] frames =
        [
            new(1, 0.1f, 0f, 0.8f, 0.1f, 0f, 1, 0.9f, 0.2f, 0.9f, 30f, [1f, 2f], null),
            new(1, 0f, 0.05f, 0.2f, 0.7f, 0.05f, 2, 0.8f, 0.75f, 0.8f, 15f, [3f, 4f], null),
            FileMediaSignals.Absent("frame 3 could not be read"),
        ];

        var video = FileMediaSignals.MaxOverFrames(frames);

        Assert.Equal((3, 0.1f, 0.05f, 0.8f, 0.7f, 0.05f), (video.Frames, video.Drawing!.Value, video.Hentai!.Value, video.Neutral!.Value, video.Porn!.Value, video.Sexy!.Value));
        Assert.Equal((2, 0.9f, 0.75f, 0.8f, 15f), (video.FaceCount!.Value, video.TopFaceScore!.Value, video.MinorProbability!.Value, video.MinorFaceScore!.Value, video.MinorApparentAge!.Value));
        Assert.Equal([2f, 3f], video.Embedding!);
        Assert.Null(video.Problem);
    }

    [Fact]
    public void MaxOverFrames_NoFrameHasSignals_FirstProblemStands()
    {
        var video = FileMediaSignals.MaxOverFrames([FileMediaSignals.Absent("models off"), FileMediaSignals.Absent("models off")]);

        Assert.Equal((2, "models off", false), (video.Frames, video.Problem, video.HasSignals));
    }

    [Fact]
    public void From_VideoFramesWithSignals_SummaryIsTheirMaximumAndTheVideoIsNew()
    {
        static VideoFrameAnalysis Frame(float porn, float minor) => new()
        {
            Signals = new ImageSignals
            {
                ExplicitContent = new ExplicitContent { Porn = porn, Neutral = 1 - porn },
                Faces = { new DetectedFace { Score = 0.9f, ApparentAge = 15, ApparentMinorProbability = minor } },
            },
        };
        var answer = new MediaAnalysis { Sha256 = new string('a', 64), Image = ImageStatus.NotImage, Video = new VideoAnalysis { FramesSampled = 3 } };
        answer.Video.Frames.Add([Frame(0.1f, 0.2f), Frame(0.7f, 0.1f), new VideoFrameAnalysis()]);

        var result = MediaAnalysisResult.From(answer);

        Assert.Equal(3, result.VideoFrames);
        Assert.Equal(FileVerdicts.New, FileVerdicts.Of(result));
        Assert.Equal((2, 0.7f, 0.2f), (result.Signals!.Frames, result.Signals.Porn!.Value, result.Signals.MinorProbability!.Value));
    }

    [Fact]
    public void From_NotImageNorVideo_NoSignalsAndNotNew()
    {
        var result = MediaAnalysisResult.From(new MediaAnalysis { Sha256 = new string('b', 64), Image = ImageStatus.NotImage, Video = new VideoAnalysis { Problem = "not a video" } });

        Assert.Equal((0, (FileMediaSignals?)null, FileVerdicts.NotImage), (result.VideoFrames, result.Signals, FileVerdicts.Of(result)));
    }

    [Fact]
    public void EmbeddingBytes_Floats_LittleEndianFourBytesEach()
    {
        var bytes = FileMediaSignals.EmbeddingBytes([1f, -2.5f]);

        Assert.Equal([0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0], bytes);
        Assert.Equal([1f, -2.5f], FileMediaSignals.EmbeddingFloats(bytes));
    }

    [Fact]
    public void EmbeddingFloats_PartialValue_FailsNamingTheColumn()
    {
        var error = Assert.Throws<InvalidDataException>(() => FileMediaSignals.EmbeddingFloats(new byte[6]));

        Assert.StartsWith("file_media_signals.embedding: 6 bytes", error.Message, StringComparison.Ordinal);
    }

    private static StoredFileAnalysis Row(UnanalysedFile file, MediaAnalysis answer) =>
        StoredFileAnalysis.From(file.ReportId, file.FileId, MediaAnalysisResult.From(answer), DateTimeOffset.UtcNow);

    private static MediaAnalysis Answer(UnanalysedFile file) => new()
    {
        Md5 = file.Md5, Sha1 = file.Sha1, Sha256 = file.Sha256, ByteLength = 10, Image = ImageStatus.Image, ImageFormat = "png",
        Pdq = new string('a', 64), PdqQuality = 30,
    };

    private static ImageSignals Signals(float porn, (float Score, float Minor, float Age)[] faces)
    {
        var signals = new ImageSignals
        {
            ExplicitContent = new ExplicitContent { Drawing = 0.01f, Hentai = 0.02f, Neutral = 1f - porn - 0.05f, Porn = porn, Sexy = 0.02f },
        };
        signals.Embedding.AddRange(Enumerable.Range(0, FileMediaSignals.EmbeddingLength).Select(i => MathF.Sin(i) / 3f));
        signals.Faces.AddRange(faces.Select(f => new DetectedFace { Score = f.Score, ApparentMinorProbability = f.Minor, ApparentAge = f.Age, Width = 0.2f, Height = 0.2f }));
        return signals;
    }

    private static async Task<UnanalysedFile> ImportAndClaimAsync(TempStore store)
    {
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(3001, withFile: true);
        Assert.Equal(1, (await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct)).Imported);
        return Assert.Single(await new FileAnalysisClaimStore(store.DataSource).ClaimAsync("portal-a", 10, Lease, Ct));
    }
}
