using Katalyst.Protos.V1;
using Katalyst.Scoring.Priority;

namespace Katalyst.Scoring.Tests.Priority;

public sealed class LinkedSubjectRuleTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Apply_MediumLinkedToHighOrImmediate_RaisedToHighWithReason(int linkedTier)
    {
        var (tier, reason) = LinkedSubjectRule.Apply(3, new ScoreRequest { LinkedReferrals = 4, LinkedMaxTier = linkedTier });

        Assert.Equal(2, tier);
        Assert.StartsWith("linked-subject: linked to 4 other referral(s)", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 0, 3)] // linked, none scored yet
    [InlineData(3, 3, 3)] // linked only to MEDIUM
    [InlineData(4, 1, 4)] // LOW stays LOW (memes, minor-to-minor)
    [InlineData(5, 1, 5)] // INFORMATIONAL stays
    [InlineData(1, 2, 1)] // never lowers
    public void Apply_OtherCases_TierUnchanged(int modelTier, int linkedMaxTier, int expected)
    {
        var (tier, reason) = LinkedSubjectRule.Apply(modelTier, new ScoreRequest { LinkedReferrals = 2, LinkedMaxTier = linkedMaxTier });

        Assert.Equal(expected, tier);
        Assert.Null(reason);
    }
}
