using Katalyst.Portal.Components.Pages.Referrals;

namespace Katalyst.Portal.Tests.Referrals;

public sealed class ReferralListFormatTests
{
    [Fact]
    public void FormatReceived_OffsetTime_ShowsUtcSortable()
    {
        var receivedAt = new DateTimeOffset(2025, 1, 31, 10, 15, 30, TimeSpan.FromHours(2));

        Assert.Equal("2025-01-31 08:15:30Z", ReferralList.FormatReceived(receivedAt));
    }
}
