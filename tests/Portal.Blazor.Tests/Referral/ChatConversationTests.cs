using Bunit;
using Katalyst.Portal.Components.Pages.Referral;

namespace Katalyst.Portal.Tests.Referral;

public sealed class ChatConversationTests : MudComponentTest
{
    private const string Log = "[2025-02-10 18:01] sky: کیا حال ہے؟\n[2025-02-10 18:03] guddu: theek hoon\n";

    [Fact]
    public void Render_Log_ShowsOneBubblePerMessageWithSenderAndTime()
    {
        var chat = Render<ChatConversation>(p => p.Add(c => c.Content, Log).Add(c => c.ReportedNames, ["sky"]));

        var bubbles = chat.FindAll(".chat-message");
        Assert.Equal(2, bubbles.Count);
        Assert.Equal("sky", bubbles[0].QuerySelector(".chat-sender")!.TextContent);
        Assert.Equal("2025-02-10 18:01", bubbles[0].QuerySelector(".chat-time")!.TextContent);
        Assert.Equal("کیا حال ہے؟", bubbles[0].QuerySelector(".chat-text")!.TextContent);
        Assert.Equal("theek hoon", bubbles[1].QuerySelector(".chat-text")!.TextContent);
    }

    [Fact]
    public void Render_Log_PutsReportedPersonAndOtherSideApart()
    {
        var chat = Render<ChatConversation>(p => p.Add(c => c.Content, Log).Add(c => c.ReportedNames, ["guddu"]));

        var bubbles = chat.FindAll(".chat-message");
        Assert.Contains("chat-other", bubbles[0].ClassList);
        Assert.Contains("chat-reported", bubbles[1].ClassList);
    }

    [Fact]
    public void Render_Log_GivesEveryTextItsOwnDirection()
    {
        var chat = Render<ChatConversation>(p => p.Add(c => c.Content, Log));

        Assert.All(chat.FindAll(".chat-text, .chat-sender"), e => Assert.Equal("auto", e.GetAttribute("dir")));
    }

    [Fact]
    public void Render_NotALog_ShowsPlainTextBlock()
    {
        var chat = Render<ChatConversation>(p => p.Add(c => c.Content, "Suspicious messages exchanged"));

        Assert.Empty(chat.FindAll(".chat-message"));
        var plain = chat.Find(".chat-plain");
        Assert.Equal("Suspicious messages exchanged", plain.TextContent);
        Assert.Equal("auto", plain.GetAttribute("dir"));
    }

    [Fact]
    public void Render_MarkupInMessage_RendersItAsText()
    {
        var chat = Render<ChatConversation>(p => p.Add(c => c.Content, "[10:01] a: <b>hi</b><script>alert(1)</script>\n[10:02] b: ok"));

        var text = chat.FindAll(".chat-text")[0];
        Assert.Equal("<b>hi</b><script>alert(1)</script>", text.TextContent);
        Assert.Empty(text.Children);
    }
}
