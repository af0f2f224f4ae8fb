using System.Text.RegularExpressions;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;

namespace Katalyst.Portal.Tests.Dashboard;

/// <summary>The dashboard keeps its figures a minute per scope and says when they were computed.</summary>
public sealed partial class DashboardCacheHttpTests(DashboardPortalServer server) : IClassFixture<DashboardPortalServer>
{
    [Fact]
    public async Task GetDashboard_TwoVisits_SameFiguresWithTheTimeTheyWereComputed()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Supervisor);

        var first = Computed().Match(await client.GetStringAsync(new Uri("/dashboard", UriKind.Relative), TestContext.Current.CancellationToken));
        await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken); // a new read would show a later second
        var second = Computed().Match(await client.GetStringAsync(new Uri("/dashboard", UriKind.Relative), TestContext.Current.CancellationToken));

        Assert.True(first.Success, "the page says when its figures were computed");
        Assert.Equal(first.Value, second.Value);
        Assert.EndsWith("kept for up to 60 seconds.", first.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("Figures computed at [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} UTC; they are kept for up to [0-9]+ seconds\\.")]
    private static partial Regex Computed();
}
