using Katalyst.Inference.Rules;
using Katalyst.Inference.Scoring;
using Katalyst.Protos.V1;
using Katalyst.Scoring.Media;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Katalyst.Inference.Tests.Scoring.MediaRequests;

namespace Katalyst.Inference.Tests.Scoring;

/// <summary>
/// <see cref="ReferralScorer"/> called directly, over the committed models and <c>media-weights.json</c>. The media
/// values are synthetic (<see cref="MediaRequests"/>): benign generated images never look explicit to the models.
/// </summary>
public sealed class MediaScoringTests : IDisposable
{
    private readonly string modelsPath = Path.Combine(AppContext.BaseDirectory, "models");
    private readonly List<IDisposable> owned = [];

    [Fact]
    public void Score_NewExplicitApparentMinor_HigherScoreAndReasonWithExactContribution()
    {
        var scorer = Scorer(modelsPath);
        var weights = MediaWeights.Read(Path.Combine(modelsPath, MediaWeights.FileName));
        var without = PlainWithNewFile(801);

        var results = scorer.Score([without, WithMedia(without, porn: 0.93f, minor: 0.81f, faceScore: 0.9f, age: 15)]);

        var (before, after) = (results[0], results[1]);
        Assert.True(after.Score > before.Score, $"score {before.Score} without media, {after.Score} with");
        Assert.InRange(after.Tier, before.Tier - 1, before.Tier);
        var reason = Assert.Single(after.Reasons, r => r.Signal.StartsWith("media.", StringComparison.Ordinal));
        Assert.Equal(MediaSignalRules.NewExplicitApparentMinor, reason.Signal);
        Assert.Equal(Math.Round(weights.Weights.NewExplicitApparentMinor, 4), reason.Contribution);
        Assert.Equal("File f2: a new picture looks explicit to the media model (0.93) and a face in it looks under 18 (0.81, apparent age 15): a model signal to check, not a finding.", reason.Text);
        Assert.Contains(after.Models, m => m.Name == MediaWeights.ModelName && m.Version == weights.Version);
        Assert.Contains(after.Warnings, w => w.Contains("not yet calibrated", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_MediaBelowEveryThreshold_ScoresExactlyAsWithoutMedia()
    {
        var scorer = Scorer(modelsPath);
        var without = PlainWithNewFile(802);

        var results = scorer.Score([without, WithMedia(without, porn: 0.5f, minor: 0.99f, faceScore: 0.99f, age: 9)]);

        Assert.Equal(results[0].Score, results[1].Score);
        Assert.Equal(results[0].Tier, results[1].Tier);
        Assert.Equal(results[0].Reasons, results[1].Reasons);
        Assert.Equal(results[0].Warnings, results[1].Warnings);
        Assert.DoesNotContain(results[0].Models, m => m.Name == MediaWeights.ModelName); // no file had media signals
    }

    [Fact]
    public void Score_DrawingOnNewFile_LowersScoreWithReason()
    {
        var scorer = Scorer(modelsPath);
        var without = PlainWithNewFile(803);

        var results = scorer.Score([without, WithMedia(without, porn: 0.05f, drawing: 0.9f)]);

        Assert.True(results[1].Score < results[0].Score, $"score {results[0].Score} without media, {results[1].Score} with a drawing");
        var reason = Assert.Single(results[1].Reasons, r => r.Signal == MediaSignalRules.DrawingOrMeme);
        Assert.True(reason.Contribution < 0);
    }

    [Fact]
    public void Score_WeightsFarAboveTheBands_TierMovesAtMostOneAndCapIsSaid()
    {
        var folder = ModelsCopyWithWeights("""
            { "version": "test-huge", "explicitAtLeast": 0.8, "apparentMinorAtLeast": 0.7, "faceScoreAtLeast": 0.75, "drawingAtLeast": 0.6,
              "maxTotal": 8, "weights": { "newExplicitApparentMinor": 8, "newExplicit": 8, "drawingOrMeme": -8 } }
            """);
        var scorer = Scorer(folder);
        var requests = new List<ScoreRequest>();
        var noSuspect = Hallmarks.Plain(601);
        noSuspect.ReportedPersons.Clear();
        var abroad = Hallmarks.Plain(602);
        abroad.RoutedInCountry = false;
        var young = Hallmarks.Tier4MinorToMinor();
        young.Victims.Add(new Victim { Age = 9 });
        var priors = Hallmarks.Plain(603);
        priors.ReportedPersons[0].InCountryPhones = 0;
        priors.ReportedPersons[0].InCountryIpEvents = 0;
        foreach (var referral in new[] { Hallmarks.Tier4MinorToMinor(), Hallmarks.Tier5Informational(), Hallmarks.Tier2Grooming(), noSuspect, abroad, young, priors })
        {
            referral.Files.Add(new ReferralFile { FileId = "f2", HashMatch = HashMatch.None, Annotations = new FileAnnotations() });
            requests.Add(referral);
            requests.Add(WithMedia(referral, porn: 0.99f, minor: 0.99f, faceScore: 0.99f, age: 10));
            requests.Add(WithMedia(referral, porn: 0f, drawing: 0.99f));
        }

        var results = scorer.Score(requests);

        for (var i = 0; i < results.Length; i += 3)
        {
            Assert.InRange(results[i + 1].ModelTier, results[i].ModelTier - 1, results[i].ModelTier);
            Assert.InRange(results[i + 2].ModelTier, results[i].ModelTier, results[i].ModelTier + 1);
            var media = results[i + 1].Reasons.Single(r => r.Signal == MediaSignalRules.NewExplicitApparentMinor);
            Assert.InRange(media.Contribution, 0.0001, 8.0);
        }

        Assert.Contains(results, r => r.Warnings.Any(w => w.StartsWith("The media signals were scaled down by the cap", StringComparison.Ordinal))
            && r.Reasons.Any(x => x.Signal.StartsWith("media.", StringComparison.Ordinal) && Math.Abs(x.Contribution) < 8.0));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var item in owned)
        {
            item.Dispose();
        }
    }

    private ReferralScorer Scorer(string folder)
    {
        var options = new ScoringOptions { ModelsPath = folder };
        var models = new ScoringModels(options, NullLogger<ScoringModels>.Instance);
        var rules = new TierRulesFile(Options.Create(options), TimeProvider.System, NullLogger<TierRulesFile>.Instance);
        owned.Add(models);
        owned.Add(rules);
        return new ReferralScorer(models, rules);
    }

    private string ModelsCopyWithWeights(string json)
    {
        var folder = ModelsCopy.From(modelsPath);
        File.WriteAllText(Path.Combine(folder, MediaWeights.FileName), json);
        owned.Add(new DeleteFolder(folder));
        return folder;
    }

    private sealed class DeleteFolder(string path) : IDisposable
    {
        public void Dispose() => Directory.Delete(path, recursive: true);
    }
}
