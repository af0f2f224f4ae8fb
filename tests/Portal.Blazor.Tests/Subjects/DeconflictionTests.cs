using Katalyst.Portal.Components.Pages.Referral.Linking;
using Katalyst.Portal.Components.Pages.Subjects;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Linking.Subjects;
using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Portal.Tests.Subjects;

/// <summary>The pure parts: the warning's words and the scope rule over a subject.</summary>
public sealed class DeconflictionTests
{
    private static readonly DateTimeOffset Received = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Text_ClosedAndUnheldReferrals_CountedAsLinkedNotAsAssigned()
    {
        var members = new[]
        {
            Member(1), Member(2, status: ReferralStatus.Closed, user: 7, name: "Sara"), Member(3), Member(4, unit: 2, code: "KHI"),
            Member(5, user: 7, name: "Sara", unit: 2, code: "KHI"),
        };

        var result = Deconfliction.For(1, 9, members);

        Assert.Equal("Linked to 4 referrals (2 already assigned to Sara, unit KHI)", result.Text);
    }

    [Fact]
    public void Text_NoneHeld_SaysNoneAssignedYet()
    {
        Assert.Equal("Linked to 1 referral (none assigned yet)", Deconfliction.For(1, 9, [Member(1), Member(2)]).Text);
    }

    [Fact]
    public void Of_InvestigatorScope_HidesOtherUnitsReferralsWithTheirLinksAndIdentifiers()
    {
        var view = new SubjectView(9,
            [Member(1), Member(2, unit: 5), Member(3, user: 7, unit: 6), Member(4, unit: 6)],
            [new(1, IdentifierKinds.Email, "a@example.com"), new(4, IdentifierKinds.Email, "a@example.com"), new(4, IdentifierKinds.Phone, "+92300")],
            [new(1, 4, IdentifierKinds.Email, "a@example.com", Received), new(1, 2, IdentifierKinds.Email, "a@example.com", Received)],
            [new(4, IdentifierKinds.Ip, "203.0.113.9", 40)]);

        var scoped = ScopedSubject.Of(view, new QueueScope(7, 5), new LinkingOptions());

        Assert.Equal([1L, 2, 3], scoped.Members.Select(m => m.ReportId));
        Assert.Equal("1 more referral held by another unit", scoped.HiddenLine);
        Assert.Equal((1L, 2L), Assert.Single(scoped.Links) is var l ? (l.ReportA, l.ReportB) : default);
        Assert.Equal(new SubjectIdentifierLine(IdentifierKinds.Email, "a@example.com", 1, false), Assert.Single(scoped.Identifiers));
        Assert.Empty(scoped.Ignored);
    }

    [Fact]
    public void Of_NoScope_ShowsEverythingWithEachIgnoredKindsThreshold()
    {
        var view = new SubjectView(9, [Member(1), Member(2, unit: 6)], [],
            [], [new(1, IdentifierKinds.Ip, "203.0.113.9", 40), new(2, IdentifierKinds.Ip, "203.0.113.9", 41)]);

        var scoped = ScopedSubject.Of(view, null, new LinkingOptions());

        Assert.Null(scoped.HiddenLine);
        Assert.Equal(new IgnoredIdentifierLine(IdentifierKinds.Ip, "203.0.113.9", 41, 0), Assert.Single(scoped.Ignored));
        Assert.Equal("IP address 203.0.113.9 was ignored: carried by 41 referrals, and this kind never links on its own (threshold 0).",
            SubjectPage.IgnoredLine(scoped.Ignored[0]));
    }

    private static SubjectMember Member(long id, ReferralStatus status = ReferralStatus.New, long? user = null, string? name = null, long? unit = null, string? code = null) =>
        new(id, Received, null, status, user, name, unit, code);
}
