using Grpc.Core;
using Katalyst.Inference.Tests.Scoring;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Tests.Rules;

/// <summary>Reading and replacing the supervisor's tier rules over a real gRPC channel.</summary>
public sealed class TierRulesServiceTests : IDisposable
{
    private readonly RulesServer server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task GetRules_CommittedFile_ListsItsRulesFingerprintAndEverySignal()
    {
        var rules = await Rules().GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct);

        Assert.Equal(["esp-escalation", "ncmec-priority-1"], rules.Rules.Select(r => r.Name));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(RulesPath))), rules.Sha256);
        Assert.Contains(rules.Signals, s => s.Name == "suspect.in_country" && s.Description.Length > 0);
    }

    [Fact]
    public async Task ReplaceRules_NewRule_RaisesTheNextScoreAndKeepsTheModelsTier()
    {
        var before = await Rules().GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct);
        var request = Replacement(before.Sha256, before.Rules);
        request.Rules.Add(new TierRule { Name = "in-country-suspect", Signal = "suspect.in_country", AtLeast = 1, RaiseTo = 2, Reason = "Test unit policy: suspects in the country come first." });

        var after = await Rules().ReplaceRulesAsync(request, cancellationToken: Ct);
        var result = await new Protos.V1.Scoring.ScoringClient(server.Channel).ScoreAsync(Hallmarks.Plain(7), cancellationToken: Ct);

        Assert.Equal(3, after.Rules.Count);
        Assert.NotEqual(before.Sha256, after.Sha256);
        Assert.Equal(2, result.Tier);
        Assert.Equal(3, result.ModelTier);
        Assert.Contains("in-country-suspect: Test unit policy: suspects in the country come first.", result.RulesApplied);
        Assert.Contains("in-country-suspect", await File.ReadAllTextAsync(RulesPath, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplaceRules_UnknownSignal_InvalidArgumentNamingTheRuleAndFileUnchanged()
    {
        var before = await Rules().GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct);
        var fileBefore = await File.ReadAllBytesAsync(RulesPath, Ct);
        var request = Replacement(before.Sha256, before.Rules);
        request.Rules.Add(new TierRule { Name = "typo", Signal = "suspect.in_contry", AtLeast = 1, RaiseTo = 2, Reason = "r" });

        var error = await Assert.ThrowsAsync<RpcException>(() => Rules().ReplaceRulesAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("rules[2].signal 'suspect.in_contry' is not a priority signal", error.Status.Detail);
        Assert.Equal(fileBefore, await File.ReadAllBytesAsync(RulesPath, Ct));
    }

    [Fact]
    public async Task ReplaceRules_StaleFingerprint_FailedPreconditionAndNothingWritten()
    {
        var before = await Rules().GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct);
        await Rules().ReplaceRulesAsync(Replacement(before.Sha256, before.Rules.Take(1)), cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<RpcException>(() => Rules().ReplaceRulesAsync(Replacement(before.Sha256, []), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.StartsWith("the rules changed since they were read", error.Status.Detail, StringComparison.Ordinal);
        Assert.Single((await Rules().GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct)).Rules);
    }

    [Fact]
    public async Task ReplaceRules_NoChangedBy_InvalidArgumentNamingTheField()
    {
        var before = await Rules().GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct);
        var request = Replacement(before.Sha256, before.Rules);
        request.ChangedBy = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => Rules().ReplaceRulesAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("changed_by", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesFile_EditedOnDisk_ReadAgainWithoutRestart()
    {
        await File.WriteAllTextAsync(RulesPath, """{ "rules": [] }""", Ct);

        var rules = await EventuallyAsync(r => r.Rules.Count == 0);

        Assert.Empty(rules.Rules);
    }

    [Fact]
    public async Task RulesFile_BadEditOnDisk_RulesInForceStay()
    {
        var before = await Rules().GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct);
        await File.WriteAllTextAsync(RulesPath, """{ "rules": [ { "name": "x", "signal": "nope", "atLeast": 1, "raiseTo": 1, "reason": "r" } ] }""", Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // give the watcher time to see (and refuse) the edit

        var after = await Rules().GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct);

        Assert.Equal(before.Sha256, after.Sha256);
        Assert.Equal(2, after.Rules.Count);
    }

    private string RulesPath => Path.Combine(server.ModelsPath, "rules.json");

    private TierRules.TierRulesClient Rules() => new(server.Channel);

    private static ReplaceTierRulesRequest Replacement(string sha256, IEnumerable<TierRule> rules)
    {
        var request = new ReplaceTierRulesRequest { ExpectedSha256 = sha256, ChangedBy = "test supervisor" };
        request.Rules.AddRange(rules.Select(r => r.Clone()));
        return request;
    }

    private async Task<TierRuleSet> EventuallyAsync(Func<TierRuleSet, bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var rules = await Rules().GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct);
            if (condition(rules) || waited.Elapsed > TimeSpan.FromSeconds(15))
            {
                return rules;
            }

            await Task.Delay(100, Ct);
        }
    }
}
