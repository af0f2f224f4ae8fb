using Katalyst.Portal.Components.Pages.Referral;

namespace Katalyst.Portal.Tests.Referral;

public sealed class ChatTranscriptTests
{
    [Fact]
    public void Parse_GeneratorLayout_SplitsMessagesWithTimesAndSenders()
    {
        var messages = ChatTranscript.Parse("[2025-02-10 18:01] ali_9: salam\n[2025-02-10 18:03] sara: کیا حال ہے؟\n", ["ali_9"]);

        Assert.Equal(2, messages.Count);
        Assert.Equal(new ChatMessage("2025-02-10 18:01", "ali_9", "salam", true), messages[0]);
        Assert.Equal(new ChatMessage("2025-02-10 18:03", "sara", "کیا حال ہے؟", false), messages[1]);
    }

    [Fact]
    public void Parse_IsoTimestampsWithoutBrackets_ReadsTimes()
    {
        var messages = ChatTranscript.Parse("2025-02-10T18:01:00Z ali: one\n2025-02-10T18:02:30Z sara: two", []);

        Assert.Equal(["2025-02-10T18:01:00Z", "2025-02-10T18:02:30Z"], messages.Select(m => m.Time));
        Assert.Equal(["ali", "sara"], messages.Select(m => m.Sender));
    }

    [Fact]
    public void Parse_NoReportedNameMatches_MarksFirstSenderAsReported()
    {
        var messages = ChatTranscript.Parse("ali: one\nsara: two\nali: three", ["someone_else"]);

        Assert.Equal([true, false, true], messages.Select(m => m.FromReported));
        Assert.All(messages, m => Assert.Null(m.Time));
    }

    [Fact]
    public void Parse_ContinuationLine_JoinsPreviousMessage()
    {
        var messages = ChatTranscript.Parse("[10:01] ali: first line\nsecond line\n[10:02] sara: ok", []);

        Assert.Equal("first line\nsecond line", messages[0].Text);
        Assert.Equal(2, messages.Count);
    }

    [Theory]
    [InlineData("Suspicious messages exchanged")]
    [InlineData("Note: one remark only")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_NotALog_ReturnsNoMessages(string? content)
    {
        Assert.Empty(ChatTranscript.Parse(content, []));
    }

    [Fact]
    public void Parse_ProseBeforeTheFirstMessage_StaysPlainText()
    {
        Assert.Empty(ChatTranscript.Parse("Exported by the ESP\n[10:01] ali: hi\n[10:02] sara: hi", []));
    }
}
