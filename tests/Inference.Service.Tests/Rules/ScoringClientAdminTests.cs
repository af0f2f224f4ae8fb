using Katalyst.Referrals.Scoring;

namespace Katalyst.Inference.Tests.Rules;

/// <summary>The portal's typed client for models and rules, against the real service.</summary>
public sealed class ScoringClientAdminTests : IDisposable
{
    private readonly RulesServer server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task GetModelsAsync_RealService_BothModelsWithVersionsAndFigures()
    {
        using var client = Client();

        var models = await client.GetModelsAsync(Ct);

        Assert.Equal("Cpu", models.ExecutionProvider);
        // The media models follow (listed off here: Media:Models:Enabled is false by default).
        Assert.Equal(["priority", "text-indicators"], models.Models.Where(m => m.Kind == "scoring").Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(models.Models, m => Assert.Matches("^[0-9a-f]{64}$", m.Sha256));
        Assert.All(models.Models, m => Assert.NotEmpty(m.Caveats));
        Assert.Contains("Media:Models:Enabled is false", models.MediaModelsProblem, StringComparison.Ordinal);
        Assert.True(models.Models.Single(m => m.Name == "priority").Evaluation["tier1_recall"] > 0.9);
    }

    [Fact]
    public async Task ReplaceRulesAsync_ValidEdit_ReturnsTheRulesInForce()
    {
        using var client = Client();
        var before = await client.GetRulesAsync(Ct);

        var after = await client.ReplaceRulesAsync([.. before.Rules, new TierRuleText("young-victim", "victim.young", 1, 2, "Test: young children first.")], before.Sha256, "tester", Ct);

        Assert.Equal("young-victim", after.Rules[^1].Name);
        Assert.Equal(2, after.Rules[^1].RaiseTo);
        Assert.Contains(after.Signals, s => s.Name == "victim.young");
    }

    [Fact]
    public async Task ReplaceRulesAsync_BadTier_ScoringServiceExceptionNamingTheRule()
    {
        using var client = Client();
        var before = await client.GetRulesAsync(Ct);

        var error = await Assert.ThrowsAsync<ScoringServiceException>(() =>
            client.ReplaceRulesAsync([new TierRuleText("too-high", "escalated", 1, 0, "r")], before.Sha256, "tester", Ct));

        Assert.Equal("InvalidArgument", error.Status);
        Assert.Equal("rules[0].raiseTo 0 is not a tier from 1 to 5", error.Message);
    }

    [Fact]
    public async Task GetModelsAsync_NothingListening_ScoringServiceExceptionSaysUnreachable()
    {
        using var client = new ScoringClient(new Uri("http://127.0.0.1:9"));

        var error = await Assert.ThrowsAsync<ScoringServiceException>(() => client.GetModelsAsync(Ct));

        Assert.Equal("Unavailable", error.Status);
        Assert.StartsWith("the scoring service at http://127.0.0.1:9/ cannot be reached", error.Message, StringComparison.Ordinal);
    }

    private ScoringClient Client() => new(server.BaseAddress, server.CreateHandler());
}
