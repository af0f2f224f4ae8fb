using Katalyst.Referrals.Store.Queue;
using Katalyst.Referrals.Store.Workflow;
using static Katalyst.Referrals.Tests.Store.Queue.QueueFixture;

namespace Katalyst.Referrals.Tests.Store.Workflow;

public sealed class WorkflowStoreTests
{
    private const string Closing = "No offence identified";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WorkflowStore Workflow(TempStore store, WorkflowOptions? options = null) => new(store.DataSource, options ?? new WorkflowOptions());

    [Fact]
    public async Task MoveAsync_ThroughTheWork_RecordsEveryMoveWithNameAndReason()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);

        await workflow.AssignAsync(101, userId: 7, unitId: 2, "inv.one", Ct);
        await workflow.MoveAsync(101, ReferralStatus.Investigating, "inv.one", supervisor: false, null, Ct);
        await workflow.MoveAsync(101, ReferralStatus.Closed, "inv.one", supervisor: false, "no offence IDENTIFIED ", Ct);

        var state = (await workflow.GetAsync(101, Ct))!;
        Assert.Equal((ReferralStatus.Closed, 7L, 2L), (state.Status, state.AssigneeUserId!.Value, state.UnitId!.Value));
        Assert.Equal(
            [(ReferralStatus.New, ReferralStatus.Assigned, null), (ReferralStatus.Assigned, ReferralStatus.Investigating, null), (ReferralStatus.Investigating, ReferralStatus.Closed, (string?)Closing)],
            state.History.Select(h => (h.From, h.To, h.Reason)));
        Assert.All(state.History, h => Assert.Equal("inv.one", h.UserName));
        Assert.Equal(Closing, state.EndReason);
        Assert.NotNull(state.FirstReviewedAt);
    }

    [Fact]
    public async Task MoveAsync_CloseWithoutReason_RefusedListingTheReasons()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        await workflow.MoveAsync(102, ReferralStatus.InReview, "inv.one", false, null, Ct);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => workflow.MoveAsync(102, ReferralStatus.Closed, "inv.one", false, " ", Ct));

        Assert.StartsWith("Referral 102: In review → Closed needs a reason from the list: No offence identified; Duplicate", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.InReview, (await workflow.GetAsync(102, Ct))!.Status);
    }

    [Fact]
    public async Task MoveAsync_ReasonNotInTheList_RefusedNamingIt()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store, new WorkflowOptions { ReferralDestinations = ["Provincial police"] });
        await workflow.MoveAsync(103, ReferralStatus.InReview, "inv.one", false, null, Ct);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => workflow.MoveAsync(103, ReferralStatus.ReferredOnward, "inv.one", false, "Somewhere else", Ct));

        Assert.Equal("Referral 103: 'Somewhere else' is not a reason for In review → Referred onward; pick one of: Provincial police.", error.Message);
    }

    [Fact]
    public async Task MoveAsync_NotAllowed_RefusedNamingStatusAndMoveAndUnchanged()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => workflow.MoveAsync(104, ReferralStatus.Closed, "sup.one", true, Closing, Ct));

        Assert.Equal("Referral 104: The referral is New; the move New → Closed is not allowed (from New: In review).", error.Message);
        var state = (await workflow.GetAsync(104, Ct))!;
        Assert.Equal(ReferralStatus.New, state.Status);
        Assert.Empty(state.History);
    }

    [Fact]
    public async Task MoveAsync_InvestigatorReopens_Refused()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        await workflow.MoveAsync(105, ReferralStatus.InReview, "inv.one", false, null, Ct);
        await workflow.MoveAsync(105, ReferralStatus.Closed, "inv.one", false, Closing, Ct);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => workflow.MoveAsync(105, ReferralStatus.InReview, "inv.one", false, "New facts", Ct));

        Assert.Contains("only a supervisor may reopen it (Closed → In review)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveAsync_SupervisorReopensWithoutReason_Refused()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        await workflow.MoveAsync(105, ReferralStatus.InReview, "inv.one", false, null, Ct);
        await workflow.MoveAsync(105, ReferralStatus.Closed, "inv.one", false, Closing, Ct);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => workflow.MoveAsync(105, ReferralStatus.InReview, "sup.one", true, null, Ct));

        Assert.Equal("Referral 105: Reopening (Closed → In review) needs a reason.", error.Message);
    }

    [Fact]
    public async Task MoveAsync_SupervisorReopensWithReason_InReviewAndEndReasonGone()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        await workflow.MoveAsync(105, ReferralStatus.InReview, "inv.one", false, null, Ct);
        await workflow.MoveAsync(105, ReferralStatus.Closed, "inv.one", false, Closing, Ct);

        await workflow.MoveAsync(105, ReferralStatus.InReview, "sup.one", true, "A second referral names the same account.", Ct);

        var state = (await workflow.GetAsync(105, Ct))!;
        Assert.Equal(ReferralStatus.InReview, state.Status);
        Assert.Null(state.EndReason);
        Assert.Equal(("sup.one", "A second referral names the same account."), (state.History[^1].UserName, state.History[^1].Reason));
    }

    [Fact]
    public async Task AssignAsync_Closed_RefusedWithTheQueueRule()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        await workflow.MoveAsync(106, ReferralStatus.InReview, "inv.one", false, null, Ct);
        await workflow.MoveAsync(106, ReferralStatus.Closed, "inv.one", false, Closing, Ct);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => workflow.AssignAsync(106, 3, null, "sup.one", Ct));

        Assert.Equal("Referral 106: it is Closed; a referral whose work is over cannot be assigned.", error.Message);
    }

    [Fact]
    public async Task AssignAsync_Investigating_ChangesHandsNoStatusMove()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        await workflow.AssignAsync(107, 3, 1, "sup.one", Ct);
        await workflow.MoveAsync(107, ReferralStatus.Investigating, "inv.one", false, null, Ct);

        await workflow.AssignAsync(107, 9, null, "sup.one", Ct);

        var state = (await workflow.GetAsync(107, Ct))!;
        Assert.Equal((ReferralStatus.Investigating, 9L, (long?)null), (state.Status, state.AssigneeUserId!.Value, state.UnitId));
        Assert.Equal(2, state.History.Count);
    }

    [Fact]
    public async Task OverrideTierAsync_WithReason_QueueOrdersByItAndLabelKept()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);

        await workflow.OverrideTierAsync(106, 1, "The chat shows a meeting arranged for tomorrow.", "sup.one", Ct);

        // Tier 1 now, after the two tier-1 referrals that score higher; it was last of the scored ones at tier 5.
        Assert.Equal([102, 104, 106], (await IdsAsync(new QueueStore(store.DataSource), new QueueFilter())).Take(3));
        var label = Assert.Single(await workflow.LabelsAsync(ReferralLabel.TierOverrideKind, Ct));
        Assert.Equal((106L, "sup.one", "1", "The chat shows a meeting arranged for tomorrow."), (label.ReportId, label.UserName, label.Value, label.Reason));
        var state = (await workflow.GetAsync(106, Ct))!;
        Assert.Equal((5, 1, 1), (state.ScoredTier!.Value, state.TierOverride!.Value, state.EffectiveTier!.Value));
    }

    [Theory]
    [InlineData(0, "a reason", "a tier override is 1 to 5, not 0")]
    [InlineData(6, "a reason", "a tier override is 1 to 5, not 6")]
    [InlineData(2, "  ", "A tier override needs a reason")]
    public async Task OverrideTierAsync_BadInput_RefusedNamingIt(int tier, string reason, string expected)
    {
        await using var store = await StoreWithAsync(Standard);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Workflow(store).OverrideTierAsync(101, tier, reason, "sup.one", Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Empty(await Workflow(store).LabelsAsync(ReferralLabel.TierOverrideKind, Ct));
    }

    [Fact]
    public async Task AddNoteAsync_Two_ListedOldestFirstWithWhoAndWhen()
    {
        await using var store = await StoreWithAsync(Standard);
        var workflow = Workflow(store);
        var before = DateTimeOffset.UtcNow;

        await workflow.AddNoteAsync(108, "Asked the ESP to preserve the account.", "inv.one", Ct);
        await workflow.AddNoteAsync(108, "Preservation confirmed.", "inv.two", Ct);

        var notes = await workflow.NotesAsync(108, Ct);
        Assert.Equal([("inv.one", "Asked the ESP to preserve the account."), ("inv.two", "Preservation confirmed.")], notes.Select(n => (n.UserName, n.Text)));
        Assert.All(notes, n => Assert.InRange(n.At, before, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task AddNoteAsync_Blank_Refused()
    {
        await using var store = await StoreWithAsync(Standard);

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Workflow(store).AddNoteAsync(108, "\n ", "inv.one", Ct));

        Assert.Equal("Referral 108: A note needs some text.", error.Message);
    }

    [Fact]
    public async Task AddNoteAsync_UnknownReferral_RefusedAsNotStored()
    {
        await using var store = await TempStore.CreateAsync();

        var error = await Assert.ThrowsAsync<WorkflowRefusedException>(() => Workflow(store).AddNoteAsync(999, "text", "inv.one", Ct));

        Assert.Equal("Referral 999: the store holds no such referral.", error.Message);
    }

    [Fact]
    public void Problems_BlankAndDuplicateReasons_NameTheKey()
    {
        var options = new WorkflowOptions { ClosingReasons = ["Duplicate", " ", "duplicate"] };

        Assert.Equal(["Workflow:ClosingReasons:1 is blank; every entry must name a reason.", "Workflow:ClosingReasons lists 'Duplicate' more than once."], options.Problems());
    }

    [Fact]
    public void EffectiveClosingReasons_NoneConfigured_Defaults()
    {
        Assert.Equal(WorkflowOptions.DefaultClosingReasons, new WorkflowOptions().EffectiveClosingReasons);
        Assert.Equal(["Only this"], new WorkflowOptions { ClosingReasons = ["Only this"] }.EffectiveClosingReasons);
    }

    [Fact]
    public async Task QueueBulkActions_WithAName_RecordTheirMovesInTheHistory()
    {
        await using var store = await StoreWithAsync(Standard);
        var queue = new QueueStore(store.DataSource);

        await queue.MarkReviewedAsync([101], "sup.one", Ct);
        await queue.AssignAsync([101, 102], 7, null, "sup.one", Ct);

        Assert.Equal(
            [(ReferralStatus.New, ReferralStatus.InReview, "sup.one"), (ReferralStatus.InReview, ReferralStatus.Assigned, "sup.one")],
            (await Workflow(store).GetAsync(101, Ct))!.History.Select(h => (h.From, h.To, h.UserName)));
        Assert.Equal([(ReferralStatus.New, ReferralStatus.Assigned)], (await Workflow(store).GetAsync(102, Ct))!.History.Select(h => (h.From, h.To)));
    }
}
