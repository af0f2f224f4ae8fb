using System.Globalization;
using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Evidence;

/// <summary>
/// The seeded rows keep placeholder documents (<c>{}</c> and <c>&lt;report/&gt;</c>) that the intake's parsers refuse:
/// the media endpoints must say which referral and document failed, not answer a bare 500.
/// </summary>
public sealed class UnreadableReferralMediaTests(SeededPortalServer server) : IClassFixture<SeededPortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("preview")]
    [InlineData("full")]
    public async Task Media_StoredDocumentsNoLongerParse_ProblemNamingReferralAndDocument(string kind)
    {
        var reportId = server.Referrals[1].ReportId;
        var failure = await Assert.ThrowsAsync<ReferralFormatException>(
            () => server.Services.GetRequiredService<ReferralQueries>().GetAsync(reportId, Ct));
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        using var response = await client.GetAsync(new Uri(FormattableString.Invariant($"media/{reportId}/f1/{kind}"), UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.StartsWith($"Referral {reportId.ToString(CultureInfo.InvariantCulture)} is stored but its documents could not be read back", detail, StringComparison.Ordinal);
        Assert.EndsWith(failure.Message, detail, StringComparison.Ordinal); // names the document and why it failed
    }
}
