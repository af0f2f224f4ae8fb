using Grpc.Core;
using Katalyst.Inference.Scoring;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Tests.Scoring;

/// <summary>The Scoring service in process, over a real gRPC channel, with the committed models.</summary>
public sealed class ScoringServiceTests(InferenceServer server) : IClassFixture<InferenceServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, int, string> TierHallmarks => new()
    {
        { nameof(Hallmarks.Tier1Meeting), 1, "text.meeting" },
        { nameof(Hallmarks.Tier1Escalated), 1, "escalated" },
        { nameof(Hallmarks.Tier2Grooming), 2, "text.grooming" },
        { nameof(Hallmarks.Tier3KnownMaterialInCountry), 3, "suspect.in_country" },
        { nameof(Hallmarks.Tier4MinorToMinor), 4, "annotation.minor_to_minor" },
        { nameof(Hallmarks.Tier5Informational), 5, "informational" },
    };

    [Theory]
    [MemberData(nameof(TierHallmarks))]
    public async Task Score_TierHallmark_GivesThatTierAndNamesTheSignal(string hallmark, int tier, string signal)
    {
        var request = (ScoreRequest)typeof(Hallmarks).GetMethod(hallmark)!.Invoke(null, null)!;

        var result = await Client().ScoreAsync(request, cancellationToken: Ct);

        Assert.Equal(tier, result.Tier);
        Assert.Equal(request.ReportId, result.ReportId);
        Assert.Contains(result.Reasons, r => r.Signal == signal && !string.IsNullOrWhiteSpace(r.Text));
        Assert.InRange(result.Score, 0, 1);
        Assert.Equal(["text-indicators", "priority"], result.Models.Select(m => m.Name));
    }

    [Fact]
    public async Task Score_MeetingText_ReadsTheMeetingIndicator()
    {
        var result = await Client().ScoreAsync(Hallmarks.Tier1Meeting(), cancellationToken: Ct);

        Assert.True(result.Indicators.Meeting > 0.5, $"meeting {result.Indicators.Meeting}");
        Assert.True(result.Indicators.Trafficking < 0.5, $"trafficking {result.Indicators.Trafficking}");
    }

    [Fact]
    public async Task Score_NcmecPriorityOne_RuleRaisesAndModelTierStaysVisible()
    {
        var request = Hallmarks.Plain(701);
        request.NcmecPriority = "1";

        var result = await Client().ScoreAsync(request, cancellationToken: Ct);

        Assert.Equal(1, result.Tier);
        Assert.Equal("IMMEDIATE", result.TierName);
        Assert.Contains(result.RulesApplied, r => r.StartsWith("ncmec-priority-1:", StringComparison.Ordinal));
        Assert.True(result.ModelTier > 1, $"the model alone said {result.ModelTier}");
    }

    [Fact]
    public async Task Score_FilesNotViewedByEsp_WarnsLegalAuthorityNeeded()
    {
        var request = Hallmarks.Plain(601);
        request.Files.Add(new ReferralFile { FileId = "f2", ViewedByEsp = false, HashMatch = HashMatch.None });
        request.Files.Add(new ReferralFile { FileId = "f3", HashMatch = HashMatch.None });

        var result = await Client().ScoreAsync(request, cancellationToken: Ct);

        Assert.Contains("2 files were not viewed by the ESP: legal authority needed before viewing.", result.Warnings);
    }

    [Theory]
    [InlineData(0, "report_id")]
    [InlineData(-5, "report_id")]
    public async Task Score_BadReportId_InvalidArgumentNamingTheField(long reportId, string field)
    {
        var request = Hallmarks.Plain(1);
        request.ReportId = reportId;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client().ScoreAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(field, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_MissingIncidentType_InvalidArgumentNamingTheField()
    {
        var request = Hallmarks.Plain(7);
        request.IncidentType = IncidentType.Unspecified;

        var error = await Assert.ThrowsAsync<RpcException>(() => Client().ScoreAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("incident_type", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreStream_ManyRequestsWithOneBad_AnswersEveryOneInOrder()
    {
        using var call = Client().ScoreStream(cancellationToken: Ct);
        var requests = Enumerable.Range(1, 300).Select(i => i == 150 ? new ScoreRequest { ReportId = i } : Hallmarks.Plain(i)).ToList();

        var reading = Task.Run(async () =>
        {
            var results = new List<ScoreResult>();
            await foreach (var result in call.ResponseStream.ReadAllAsync(Ct))
            {
                results.Add(result);
            }

            return results;
        }, Ct);
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request, Ct);
        }

        await call.RequestStream.CompleteAsync();
        var answered = await reading;

        Assert.Equal(requests.Select(r => r.ReportId), answered.Select(r => r.ReportId));
        Assert.StartsWith("incident_type", answered[149].Error, StringComparison.Ordinal);
        Assert.All(answered.Where(r => r.ReportId != 150), r => Assert.Equal(3, r.Tier));
    }

    [Fact]
    public async Task ScoreStream_RequestsArrivingTogether_ScoredInGroupsInOrder()
    {
        var batcher = (ScoreBatcher)server.Services.GetService(typeof(ScoreBatcher))!;
        var (batchesBefore, scoredBefore, queuedBefore) = (batcher.Batches, batcher.Scored, batcher.Queued);
        using var call = Client().ScoreStream(cancellationToken: Ct);
        call.RequestStream.WriteOptions = new WriteOptions(WriteFlags.BufferHint); // the requests reach the service together
        var requests = Enumerable.Range(1, 1000).Select(i => Hallmarks.Plain(20_000 + i)).ToList();

        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request, Ct);
        }

        await call.RequestStream.CompleteAsync();
        var answered = new List<ScoreResult>();
        await foreach (var result in call.ResponseStream.ReadAllAsync(Ct))
        {
            answered.Add(result);
        }

        Assert.Equal(requests.Select(r => r.ReportId), answered.Select(r => r.ReportId));
        Assert.All(answered, r => Assert.Equal(3, r.Tier));
        var (batches, queued) = (batcher.Batches - batchesBefore, batcher.Queued - queuedBefore);
        Assert.True(batcher.Scored - scoredBefore >= 1000);
        Assert.True(queued <= 100, $"1,000 streamed referrals took {queued} queue entries: the stream was not grouped");
        Assert.True(batches <= 100, $"1,000 streamed referrals took {batches} model runs");
    }

    [Fact]
    public async Task Score_ManyConcurrentCalls_AllAnsweredAndSharedBatches()
    {
        var batcher = (ScoreBatcher)server.Services.GetService(typeof(ScoreBatcher))!;
        var (batchesBefore, scoredBefore) = (batcher.Batches, batcher.Scored);

        var results = await Task.WhenAll(Enumerable.Range(1, 200).Select(i => Client().ScoreAsync(Hallmarks.Plain(10_000 + i), cancellationToken: Ct).ResponseAsync));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => 10_000L + i), results.Select(r => r.ReportId));
        var scored = batcher.Scored - scoredBefore;
        var batches = batcher.Batches - batchesBefore;
        Assert.True(scored >= 200, $"{scored} scored");
        Assert.True(batches < scored, $"{scored} referrals took {batches} model runs: single calls were not batched");
    }

    [Fact]
    public async Task GetModels_Always_ListsVersionsTrainingAndHeldOutFigures()
    {
        var response = await Client().GetModelsAsync(new GetModelsRequest(), cancellationToken: Ct);

        Assert.Equal("Cpu", response.ExecutionProvider);
        var priority = Assert.Single(response.Models, m => m.Name == "priority");
        Assert.True(priority.Evaluation["tier1_recall"] >= 0.95);
        Assert.Matches("^[0-9a-f]{64}$", priority.Sha256);
        Assert.StartsWith("katalyst train priority", priority.TrainingCommand, StringComparison.Ordinal);
        var text = Assert.Single(response.Models, m => m.Name == "text-indicators");
        Assert.True(text.Evaluation["macro_f1"] > 0.8);
    }

    private Protos.V1.Scoring.ScoringClient Client() => new(server.Channel);
}
