using Katalyst.Referrals.Store.Queue;
using Katalyst.Referrals.Store.Workflow;

namespace Katalyst.Referrals.Tests.Store.Workflow;

public sealed class ReferralWorkflowTests
{
    // The whole machine, written out by hand: (from, to) → who may make the move. Every other pair is refused.
    private static readonly Dictionary<(ReferralStatus, ReferralStatus), string> Allowed = new()
    {
        [(ReferralStatus.New, ReferralStatus.InReview)] = "anyone",
        [(ReferralStatus.InReview, ReferralStatus.Investigating)] = "anyone",
        [(ReferralStatus.InReview, ReferralStatus.ReferredOnward)] = "anyone",
        [(ReferralStatus.InReview, ReferralStatus.Closed)] = "anyone",
        [(ReferralStatus.Assigned, ReferralStatus.Investigating)] = "anyone",
        [(ReferralStatus.Assigned, ReferralStatus.ReferredOnward)] = "anyone",
        [(ReferralStatus.Assigned, ReferralStatus.Closed)] = "anyone",
        [(ReferralStatus.Investigating, ReferralStatus.ReferredOnward)] = "anyone",
        [(ReferralStatus.Investigating, ReferralStatus.Closed)] = "anyone",
        [(ReferralStatus.Closed, ReferralStatus.InReview)] = "supervisor",
        [(ReferralStatus.ReferredOnward, ReferralStatus.InReview)] = "supervisor",
    };

    public static TheoryData<ReferralStatus, ReferralStatus> EveryPair() => Pairs(_ => true);

    public static TheoryData<ReferralStatus, ReferralStatus> RefusedPairs() => Pairs(pair => !Allowed.ContainsKey(pair));

    public static TheoryData<ReferralStatus> EveryStatus() => [.. Enum.GetValues<ReferralStatus>()];

    private static TheoryData<ReferralStatus, ReferralStatus> Pairs(Func<(ReferralStatus, ReferralStatus), bool> include)
    {
        var data = new TheoryData<ReferralStatus, ReferralStatus>();
        foreach (var from in Enum.GetValues<ReferralStatus>())
        {
            foreach (var to in Enum.GetValues<ReferralStatus>().Where(to => include((from, to))))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void RefusalOf_Supervisor_AllowsExactlyTheListedMoves(ReferralStatus from, ReferralStatus to)
    {
        var refusal = ReferralWorkflow.RefusalOf(from, to, supervisor: true);

        Assert.Equal(Allowed.ContainsKey((from, to)), refusal is null);
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void RefusalOf_Investigator_AllowsOnlyMovesOpenToAnyone(ReferralStatus from, ReferralStatus to)
    {
        var refusal = ReferralWorkflow.RefusalOf(from, to, supervisor: false);

        Assert.Equal(Allowed.TryGetValue((from, to), out var who) && who == "anyone", refusal is null);
    }

    [Theory]
    [MemberData(nameof(RefusedPairs))]
    public void RefusalOf_RefusedMove_NamesCurrentStatusAndMove(ReferralStatus from, ReferralStatus to)
    {
        var refusal = ReferralWorkflow.RefusalOf(from, to, supervisor: true)!;

        Assert.StartsWith($"The referral is {from.ToDisplayName()};", refusal, StringComparison.Ordinal);
        Assert.Contains($"{from.ToDisplayName()} → {to.ToDisplayName()}", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusalOf_InvestigatorReopens_SaysOnlyASupervisorMay()
    {
        Assert.Equal("The referral is Closed; only a supervisor may reopen it (Closed → In review)", ReferralWorkflow.RefusalOf(ReferralStatus.Closed, ReferralStatus.InReview, supervisor: false));
    }

    [Fact]
    public void RefusalOf_NewToClosed_ListsTheMovesThatAreAllowed()
    {
        Assert.Equal("The referral is New; the move New → Closed is not allowed (from New: In review)", ReferralWorkflow.RefusalOf(ReferralStatus.New, ReferralStatus.Closed, supervisor: true));
    }

    [Fact]
    public void MovesFrom_Investigating_ReferredOnwardOrClosed()
    {
        Assert.Equal([ReferralStatus.ReferredOnward, ReferralStatus.Closed], ReferralWorkflow.MovesFrom(ReferralStatus.Investigating, supervisor: false));
    }

    [Fact]
    public void MovesFrom_ClosedAsInvestigator_None()
    {
        Assert.Empty(ReferralWorkflow.MovesFrom(ReferralStatus.Closed, supervisor: false));
        Assert.Equal([ReferralStatus.InReview], ReferralWorkflow.MovesFrom(ReferralStatus.Closed, supervisor: true));
    }

    [Theory]
    [InlineData(ReferralStatus.New, ReferralStatus.InReview, false)]
    [InlineData(ReferralStatus.InReview, ReferralStatus.Investigating, false)]
    [InlineData(ReferralStatus.Investigating, ReferralStatus.Closed, true)]
    [InlineData(ReferralStatus.Assigned, ReferralStatus.ReferredOnward, true)]
    [InlineData(ReferralStatus.Closed, ReferralStatus.InReview, true)]
    [InlineData(ReferralStatus.ReferredOnward, ReferralStatus.InReview, true)]
    public void NeedsReason_EndingOrReopening_True(ReferralStatus from, ReferralStatus to, bool expected)
    {
        Assert.Equal(expected, ReferralWorkflow.NeedsReason(from, to));
    }

    [Theory]
    [InlineData(ReferralStatus.New, ReferralStatus.Assigned)]
    [InlineData(ReferralStatus.InReview, ReferralStatus.Assigned)]
    [InlineData(ReferralStatus.Assigned, ReferralStatus.Assigned)]
    [InlineData(ReferralStatus.Investigating, ReferralStatus.Investigating)]
    public void AfterAssign_OpenWork_AssignedOrStillInvestigating(ReferralStatus from, ReferralStatus expected)
    {
        Assert.Null(ReferralWorkflow.AssignRefusal(from));
        Assert.Equal(expected, ReferralWorkflow.AfterAssign(from));
    }

    [Theory]
    [InlineData(ReferralStatus.Closed)]
    [InlineData(ReferralStatus.ReferredOnward)]
    public void AfterAssign_WorkOver_Throws(ReferralStatus from)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReferralWorkflow.AfterAssign(from));

        Assert.Equal($"it is {from.ToDisplayName()}; a referral whose work is over cannot be assigned", error.Message);
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void MarkReviewedRefusal_OnlyNew_Allowed(ReferralStatus from)
    {
        Assert.Equal(from == ReferralStatus.New, ReferralWorkflow.MarkReviewedRefusal(from) is null);
    }
}
