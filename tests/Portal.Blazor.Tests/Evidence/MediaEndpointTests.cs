using System.Net;
using System.Security.Cryptography;
using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Evidence;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Portal.Tests.Referral;
using Katalyst.Referrals.Store.Access;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Katalyst.Portal.Tests.Evidence;

public sealed class MediaEndpointTests(ImportedPortalServer server) : IClassFixture<ImportedPortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Preview_SignedOut_RedirectsToSignIn()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = PortalSession.CreateClient(server);

        using var response = await client.GetAsync(Url(reportId, file.FileId, "preview"), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location!.AbsolutePath);
    }

    [Theory]
    [InlineData(PortalRoles.Auditor, "preview")]
    [InlineData(PortalRoles.Admin, "preview")]
    [InlineData(PortalRoles.Auditor, "full")]
    [InlineData(PortalRoles.Admin, "full")]
    public async Task Media_NotCaseWork_Forbidden(string role, string kind)
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await PortalSession.SignedInClientAsync(server, role);

        using var response = await client.GetAsync(Url(reportId, file.FileId, kind), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("investigators and supervisors only", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_OpenImage_BlurredGreyPngThatIsNeverCached()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        using var response = await client.GetAsync(Url(reportId, file.FileId, "preview"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches("^\"?katalyst-[0-9]+-[A-Za-z0-9_-]+-preview\\.png\"?$", response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.NotEqual(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        using var preview = SKBitmap.Decode(bytes);
        Assert.All(preview.Pixels, p => Assert.True(p.Red == p.Green && p.Green == p.Blue));
    }

    [Fact]
    public async Task Preview_NotAnImage_NeutralPlaceholder()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        using var response = await client.GetAsync(Url(HandWrittenPackages.MarkupReportId, "m1", "preview"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var placeholder = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Single(placeholder.Pixels.Distinct());
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("full")]
    public async Task Media_LockedFile_ForbiddenWithReason(string kind)
    {
        var (reportId, file) = await EvidenceFiles.LockedAsync(server);
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        using var response = await client.GetAsync(Url(reportId, file.FileId, kind), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("The ESP did not view this file: legal authority", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_LockedFileWithCraftedRevealEntry_StillForbidden()
    {
        var (reportId, file) = await EvidenceFiles.LockedAsync(server);
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);
        await RevealedAsync(TestAccounts.UserNameFor(PortalRoles.Investigator), reportId, file.FileId, DateTimeOffset.UtcNow);

        using var response = await client.GetAsync(Url(reportId, file.FileId, "full"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Full_WithoutReveal_ForbiddenWithReason()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await SignedInAsync("test.never-revealed", PortalRoles.Supervisor);

        using var response = await client.GetAsync(Url(reportId, file.FileId, "full"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("has not been revealed by you", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_RevealOlderThanRevealMinutes_Forbidden()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await SignedInAsync("test.stale-reveal", PortalRoles.Investigator);
        await RevealedAsync("test.stale-reveal", reportId, file.FileId, DateTimeOffset.UtcNow.AddMinutes(-(new EvidenceOptions().RevealMinutes + 1)));

        using var response = await client.GetAsync(Url(reportId, file.FileId, "full"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Full_AfterReveal_OriginalBytesUnchanged()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);
        await RevealedAsync(TestAccounts.UserNameFor(PortalRoles.Investigator), reportId, file.FileId, DateTimeOffset.UtcNow);

        using var response = await client.GetAsync(Url(reportId, file.FileId, "full"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync(Ct))));
        Assert.Contains(response.Content.Headers.ContentType!.MediaType, new[] { "image/png", "image/jpeg" });
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task Full_RevealedByAnotherPerson_Forbidden()
    {
        var (reportId, file) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await SignedInAsync("test.colleague", PortalRoles.Investigator);
        await RevealedAsync("test.revealer", reportId, file.FileId, DateTimeOffset.UtcNow);

        using var response = await client.GetAsync(Url(reportId, file.FileId, "full"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Preview_UnknownFile_NotFoundNamingIt()
    {
        var (reportId, _) = await EvidenceFiles.OpenImageAsync(server);
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Investigator);

        using var response = await client.GetAsync(Url(reportId, "no-such-file", "preview"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-file", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignedInAsync(string userName, string role)
    {
        await TestAccounts.EnsureAsync(server, userName, [role]);
        var client = PortalSession.CreateClient(server);
        using var response = await PortalSession.PostSignInAsync(client, userName, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static Uri Url(long reportId, string fileId, string kind) =>
        new(FormattableString.Invariant($"media/{reportId}/{Uri.EscapeDataString(fileId)}/{kind}"), UriKind.Relative);

    // What the Reveal button writes (EvidenceAccess.RevealAsync): the audit entry the endpoint looks for.
    private Task RevealedAsync(string userName, long reportId, string fileId, DateTimeOffset at) =>
        server.Services.GetRequiredService<AuditLogStore>().AppendAsync(
            at, userName, AuditActions.MediaRevealed, EvidenceFile.RevealTarget(reportId, fileId), "test reveal", null, Ct);
}
