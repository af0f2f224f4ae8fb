using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using System.Net;
using Katalyst.Portal.Tests.Hosting;

namespace Katalyst.Portal.Tests.Referral;

public sealed class ReferralPageHttpTests(ImportedPortalServer server) : IClassFixture<ImportedPortalServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetReferral_Stored_AnswersOkWithPrerenderedSections()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        using var response = await client.GetAsync(new Uri($"referrals/{HandWrittenPackages.FullReportId}", UriKind.Relative), Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("referral-incident", html, StringComparison.Ordinal);
        Assert.Contains("sky_rider_77", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReferral_Unknown_NotFoundWithFriendlyMessage()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        using var response = await client.GetAsync(new Uri("referrals/424242", UriKind.Relative), Token);
        var html = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No referral with report number 424242 has been received", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetReferral_MarkupInTexts_IsEncodedInTheHtml()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        var html = await client.GetStringAsync(new Uri($"referrals/{HandWrittenPackages.MarkupReportId}", UriKind.Relative), Token);

        Assert.DoesNotContain(HandWrittenPackages.ScriptText, html, StringComparison.Ordinal);
        Assert.DoesNotContain(HandWrittenPackages.BoldText, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;window.", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold claim&lt;/b&gt;", html, StringComparison.Ordinal);
    }
}
