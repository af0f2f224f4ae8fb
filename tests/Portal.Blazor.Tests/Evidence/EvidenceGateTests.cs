using Katalyst.Portal.Evidence;
using Katalyst.Referrals.Model;
using Katalyst.Referrals.Store.Detail;
using Katalyst.Referrals.Store.Evidence;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Tests.Evidence;

public sealed class EvidenceGateTests
{
    private static readonly LegalAuthority Warrant = new(1, "test.supervisor", DateTimeOffset.UnixEpoch, "W-2026-001", "synthetic test warrant");

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void LockReason_EspDidNotViewOrDidNotSay_LockedByDefault(bool? viewed)
    {
        Assert.NotNull(Gate().LockReason(File(viewed), authority: null));
    }

    [Fact]
    public void LockReason_EspViewed_Open()
    {
        Assert.Null(Gate().LockReason(File(true), authority: null));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void LockReason_AuthorityRecorded_Open(bool? viewed)
    {
        Assert.Null(Gate().LockReason(File(viewed), Warrant));
    }

    [Fact]
    public void LockReason_DidNotViewRuleOff_OnlyUnknownLocked()
    {
        var gate = Gate(new EvidenceOptions { RequireAuthorityWhenEspDidNotView = false });

        Assert.Null(gate.LockReason(File(false), authority: null));
        Assert.Contains("did not say", gate.LockReason(File(null), authority: null), StringComparison.Ordinal);
    }

    [Fact]
    public void LockReason_UnknownRuleOff_OnlyDidNotViewLocked()
    {
        var gate = Gate(new EvidenceOptions { RequireAuthorityWhenViewedUnknown = false });

        Assert.Null(gate.LockReason(File(null), authority: null));
        Assert.Contains("did not view", gate.LockReason(File(false), authority: null), StringComparison.Ordinal);
    }

    private static EvidenceGate Gate(EvidenceOptions? options = null) => new(Options.Create(options ?? new EvidenceOptions()));

    private static ReferralFileView File(bool? viewed) => new(
        "f1", "drawing.png", "image (png)", 10, new string('a', 64), null, null, false, viewed, null,
        FileRelevance.Reported, [], null, [], null);
}
