using Grpc.Core;
using Katalyst.Protos.V1;
using Katalyst.Scoring.Media;
using static Katalyst.Inference.Tests.Scoring.MediaRequests;

namespace Katalyst.Inference.Tests.Scoring;

/// <summary>
/// Media signals through the Scoring service in process, over a real gRPC channel. The media values are synthetic
/// (<see cref="MediaRequests"/>): benign generated images never look explicit to the models.
/// </summary>
public sealed class MediaScoringServiceTests(InferenceServer server) : IClassFixture<InferenceServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Score_SameReferralWithAndWithoutMediaSignals_HigherScoreAndReasonsCiteMedia()
    {
        var client = new Protos.V1.Scoring.ScoringClient(server.Channel);
        var without = PlainWithNewFile(901);

        var before = await client.ScoreAsync(without, cancellationToken: Ct);
        var after = await client.ScoreAsync(WithMedia(without, porn: 0.9f, minor: 0.85f, faceScore: 0.95f, age: 13), cancellationToken: Ct);

        Assert.True(after.Score > before.Score, $"score {before.Score} without media, {after.Score} with");
        Assert.DoesNotContain(before.Reasons, r => r.Signal.StartsWith("media.", StringComparison.Ordinal));
        var reason = Assert.Single(after.Reasons, r => r.Signal == MediaSignalRules.NewExplicitApparentMinor);
        Assert.StartsWith("File f2: ", reason.Text, StringComparison.Ordinal);
        Assert.Equal(["text-indicators", "priority", MediaWeights.ModelName], after.Models.Select(m => m.Name));
    }

    [Fact]
    public async Task ScoreStream_MediaSignals_SameAnswerAsScore()
    {
        var client = new Protos.V1.Scoring.ScoringClient(server.Channel);
        var request = WithMedia(PlainWithNewFile(902), porn: 0.95f);
        using var call = client.ScoreStream(cancellationToken: Ct);

        await call.RequestStream.WriteAsync(request, Ct);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(Ct));

        var single = await client.ScoreAsync(request, cancellationToken: Ct);
        var streamed = call.ResponseStream.Current;
        Assert.Equal((single.Tier, single.Score), (streamed.Tier, streamed.Score));
        Assert.Equal(single.Reasons.Single(r => r.Signal == MediaSignalRules.NewExplicit), streamed.Reasons.Single(r => r.Signal == MediaSignalRules.NewExplicit));
    }

    [Theory]
    [InlineData(1.5f, 0, 0f, "files[1].media.porn: 1.5 is not a probability")]
    [InlineData(float.NaN, 0, 0f, "files[1].media.porn: NaN is not a probability")]
    [InlineData(0.5f, -1, 0f, "files[1].media.face_count: -1 must not be negative")]
    [InlineData(0.5f, 0, 0.9f, "files[1].media.face_count: 0, yet a face's apparent_minor_probability")]
    public async Task Score_BadMediaSignals_InvalidArgumentNamingTheField(float porn, int faces, float minor, string expected)
    {
        var request = PlainWithNewFile(903);
        request.Files[1].Media = new MediaSignals { Porn = porn, FaceCount = faces, ApparentMinorProbability = minor };

        var error = await Assert.ThrowsAsync<RpcException>(() => new Protos.V1.Scoring.ScoringClient(server.Channel).ScoreAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(expected, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_ApparentAgeOutOfRange_InvalidArgumentNamingTheField()
    {
        var request = PlainWithNewFile(904);
        request.Files[1].Media = new MediaSignals { Porn = 0.2f, FaceCount = 1, ApparentMinorProbability = 0.4f, ApparentMinorFaceScore = 0.9f, ApparentAge = 300f };

        var error = await Assert.ThrowsAsync<RpcException>(() => new Protos.V1.Scoring.ScoringClient(server.Channel).ScoreAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.StartsWith("files[1].media.apparent_age: 300 is not an apparent age", error.Status.Detail, StringComparison.Ordinal);
    }
}
