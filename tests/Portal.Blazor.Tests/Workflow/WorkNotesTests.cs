using Bunit;
using Katalyst.Portal.Components.Pages.Referral.Workflow;
using Katalyst.Portal.Tests.Referral;
using Katalyst.Referrals.Store.Queue;
using Katalyst.Referrals.Store.Workflow;

namespace Katalyst.Portal.Tests.Workflow;

public sealed class WorkNotesTests : MudComponentTest
{
    private static readonly DateTimeOffset At = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Render_NoteWithMarkup_ShownAsTextWithWhoAndWhen()
    {
        var notes = Render<WorkNotes>(p => p.Add(c => c.Notes, [new ReferralNote(1, At, "inv.one", "<b>bold</b><script>alert(1)</script>")]));

        var note = notes.Find("li.workflow-note");
        Assert.Equal("<b>bold</b><script>alert(1)</script>", note.QuerySelector(".workflow-note-body")!.TextContent);
        Assert.Empty(note.QuerySelectorAll("script, b"));
        Assert.Equal("inv.one · 2026-11-22 09:30:00Z", note.QuerySelector(".workflow-note-meta")!.TextContent);
    }

    [Fact]
    public void Render_NoNotes_SaysSo()
    {
        Assert.Equal("No notes yet.", Render<WorkNotes>().Find(".workflow-notes-empty").TextContent);
    }

    [Fact]
    public void Render_History_OneLinePerMoveWithReason()
    {
        var history = Render<WorkHistory>(p => p.Add(c => c.History, [
            new StatusChange(At, "inv.one", ReferralStatus.InReview, ReferralStatus.Closed, "Outside jurisdiction"),
        ]));

        Assert.Equal("2026-11-22 09:30:00Z · inv.one · In review → Closed: Outside jurisdiction", history.Find("li.workflow-history-entry").TextContent.Trim());
    }
}
