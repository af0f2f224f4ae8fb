using Dapper;
using Katalyst.Referrals.Store.Queue;
using Katalyst.Referrals.Store.Workflow;
using static Katalyst.Referrals.Tests.Store.Queue.QueueFixture;

namespace Katalyst.Referrals.Tests.Store.Workflow;

public sealed class TierOverrideClearingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WorkflowStore Workflow(TempStore store) => new(store.DataSource, new WorkflowOptions());

    [Fact]
    public async Task ClearTierOverrideAsync_Overridden_QueueFallsBackToModelTierAndLabelKept()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        var queue = new QueueStore(store.DataSource);
        var before = await IdsAsync(queue, new QueueFilter());
        await workflow.OverrideTierAsync(106, 1, "The chat shows a meeting arranged for tomorrow.", "sup.one", Ct);
        Assert.NotEqual(before, await IdsAsync(queue, new QueueFilter()));

        var cleared = await workflow.ClearTierOverrideAsync(106, "The meeting was a school trip; the model's tier stands.", "sup.two", Ct);

        Assert.Equal(1, cleared);
        Assert.Equal(before, await IdsAsync(queue, new QueueFilter()));
        var state = (await workflow.GetAsync(106, Ct))!;
        Assert.Null(state.TierOverride);
        Assert.Equal(5, state.EffectiveTier);
        var label = Assert.Single(await workflow.LabelsAsync(ReferralLabel.TierOverrideKind, Ct));
        Assert.Equal((106L, "1"), (label.ReportId, label.Value));
        await using var connection = await store.DataSource.OpenAsync(Ct);
        var record = await connection.QuerySingleAsync<(string UserName, long ClearedTier, string Reason)>(new CommandDefinition(
            "SELECT user_name, cleared_tier, reason FROM referral_tier_override_clearings WHERE report_id = 106", cancellationToken: Ct));
        Assert.Equal(("sup.two", 1L, "The meeting was a school trip; the model's tier stands."), record);
    }

    [Fact]
    public async Task ClearTierOverrideAsync_NoOverride_RefusedNamingIt()
    {
        await using var store = await StoreWithAsync(Standard);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Workflow(store).ClearTierOverrideAsync(106, "a reason", "sup.one", Ct));

        Assert.Equal("Referral 106 has no tier override to clear.", error.Message);
    }

    [Fact]
    public async Task ClearTierOverrideAsync_BlankReason_RefusedAndOverrideKept()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        await workflow.OverrideTierAsync(106, 2, "Escalated by the ESP.", "sup.one", Ct);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => workflow.ClearTierOverrideAsync(106, "  ", "sup.one", Ct));

        Assert.Contains("Clearing a tier override needs a reason", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await workflow.GetAsync(106, Ct))!.TierOverride);
    }

    [Fact]
    public async Task Clearings_AppendOnly_UpdateRefused()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        await workflow.OverrideTierAsync(106, 2, "Escalated by the ESP.", "sup.one", Ct);
        await workflow.ClearTierOverrideAsync(106, "Not urgent after all.", "sup.one", Ct);
        await using var connection = await store.DataSource.OpenAsync(Ct);

        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => connection.ExecuteAsync(new CommandDefinition(
            "UPDATE referral_tier_override_clearings SET reason = 'changed'", cancellationToken: Ct)));

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }
}
