using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Evidence;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Evidence;

/// <summary>"Blur again" withdraws a reveal: the full image is refused from then on, until the next reveal.</summary>
public sealed class RevealWithdrawalTests(ImportedPortalServer server) : IClassFixture<ImportedPortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Full_RevealThenWithdrawn_Forbidden()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await SignedInAsync("test.reblurred");
        var now = DateTimeOffset.UtcNow;
        await AppendAsync("test.reblurred", AuditActions.MediaRevealed, reportId, file.FileId, now.AddSeconds(-2));
        using (var open = await client.GetAsync(Url(reportId, file.FileId), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        await AppendAsync("test.reblurred", AuditActions.MediaRevealWithdrawn, reportId, file.FileId, now.AddSeconds(-1));
        using var refused = await client.GetAsync(Url(reportId, file.FileId), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("has not been revealed by you recently", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_RevealedAgainAfterWithdrawal_Open()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await SignedInAsync("test.revealed-again");
        var now = DateTimeOffset.UtcNow;
        await AppendAsync("test.revealed-again", AuditActions.MediaRevealed, reportId, file.FileId, now.AddSeconds(-3));
        await AppendAsync("test.revealed-again", AuditActions.MediaRevealWithdrawn, reportId, file.FileId, now.AddSeconds(-2));
        await AppendAsync("test.revealed-again", AuditActions.MediaRevealed, reportId, file.FileId, now.AddSeconds(-1));

        using var response = await client.GetAsync(Url(reportId, file.FileId), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Full_WithdrawnByAnotherPerson_StaysOpen()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await SignedInAsync("test.still-revealed");
        var now = DateTimeOffset.UtcNow;
        await AppendAsync("test.still-revealed", AuditActions.MediaRevealed, reportId, file.FileId, now.AddSeconds(-2));
        await AppendAsync("test.someone-else", AuditActions.MediaRevealWithdrawn, reportId, file.FileId, now.AddSeconds(-1));

        using var response = await client.GetAsync(Url(reportId, file.FileId), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        await TestAccounts.EnsureAsync(server, userName, [PortalRoles.Investigator]);
        var client = PortalSession.CreateClient(server);
        using var response = await PortalSession.PostSignInAsync(client, userName, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static Uri Url(long reportId, string fileId) =>
        new(FormattableString.Invariant($"media/{reportId}/{Uri.EscapeDataString(fileId)}/full"), UriKind.Relative);

    // What the Reveal and Blur again buttons write (EvidenceAccess.RevealAsync / WithdrawRevealAsync).
    private Task AppendAsync(string userName, string action, long reportId, string fileId, DateTimeOffset at) =>
        server.Services.GetRequiredService<AuditLogStore>().AppendAsync(
            at, userName, action, EvidenceFile.RevealTarget(reportId, fileId), "test", null, Ct);
}
