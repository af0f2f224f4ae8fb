using Katalyst.Portal.Components.Pages.Queue;

namespace Katalyst.Portal.Tests.Queue;

public sealed class QueuePageFormatTests
{
    [Fact]
    public void FormatReceived_OffsetTime_ShowsUtcSortable()
    {
        var receivedAt = new DateTimeOffset(2025, 1, 31, 10, 15, 30, TimeSpan.FromHours(2));

        Assert.Equal("2025-01-31 08:15:30Z", QueuePage.FormatReceived(receivedAt));
    }
}
