using System.Globalization;
using System.Net;
using Katalyst.Portal.Access;
using Katalyst.Portal.Audit;
using Katalyst.Portal.Tests.Access;
using Katalyst.Referrals.Store.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Subjects;

/// <summary>The subject page and the referral page's deconfliction warning, over HTTP, on referrals linked by the real importer.</summary>
public sealed class SubjectPageHttpTests(LinkedPortalServer server) : IClassFixture<LinkedPortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubjectPage_Supervisor_ListsTheLinkedReferralsAndWhyEachLinkExists()
    {
        var html = await GetAsync(PortalRoles.Supervisor, $"subjects/{server.SubjectId}");

        foreach (var id in new[] { LinkedPortalServer.First, LinkedPortalServer.Second, LinkedPortalServer.Third })
        {
            Assert.Contains($"data-report-id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain($"data-report-id=\"{LinkedPortalServer.PhoneOnly}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("subject-hidden", html, StringComparison.Ordinal);
        Assert.Contains($"{LinkedPortalServer.First} and {LinkedPortalServer.Second} share e-mail <code>{LinkedPortalServer.SharedEmail}</code>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"subject-graph\"", html, StringComparison.Ordinal);
        Assert.Contains($"{server.SupervisorName}, unit SUBJ-A", html, StringComparison.Ordinal);
        Assert.Contains("unit SUBJ-B", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectPage_PhoneAboveItsThreshold_SaysItWasIgnoredWithCountAndThreshold()
    {
        var html = await GetAsync(PortalRoles.Supervisor, $"subjects/{server.SubjectId}");

        Assert.Contains($"phone {LinkedPortalServer.CommonPhone} was ignored: carried by 4 referrals, above the threshold of 2.", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"share phone", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectPage_InvestigatorOfUnitA_OtherUnitsReferralCountedNotListed()
    {
        using var client = PortalSession.CreateClient(server);
        using var signedIn = await PortalSession.PostSignInAsync(client, LinkedPortalServer.UnitAInvestigator, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var html = await client.GetStringAsync(new Uri($"subjects/{server.SubjectId}", UriKind.Relative), Ct);

        Assert.Contains($"data-report-id=\"{LinkedPortalServer.First}\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-report-id=\"{LinkedPortalServer.Second}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(LinkedPortalServer.Third.ToString(CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains("1 more referral held by another unit", html, StringComparison.Ordinal);
        Assert.Contains("3 referrals about one suspect", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectPage_Opened_Audited()
    {
        await GetAsync(PortalRoles.Supervisor, $"subjects/{server.SubjectId}");

        var entries = await server.Services.GetRequiredService<AuditLogStore>().SearchAsync(
            new AuditSearch(Target: server.SubjectId.ToString(CultureInfo.InvariantCulture)), 0, 100, Ct);
        Assert.Contains(entries.Items, e => e.Action == AuditActions.SubjectOpened && e.Detail == "3 shown, 0 held elsewhere"
            && e.UserName == TestAccounts.UserNameFor(PortalRoles.Supervisor));
    }

    [Fact]
    public async Task SubjectPage_UnknownSubject_SaysNoneIsStored()
    {
        var html = await GetAsync(PortalRoles.Supervisor, "subjects/987654321");

        Assert.Contains("No subject 987654321 is stored", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubjectPage_Auditor_Refused()
    {
        using var client = await PortalSession.SignedInClientAsync(server, PortalRoles.Auditor);

        using var response = await client.GetAsync(new Uri($"subjects/{server.SubjectId}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/access-denied", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ReferralPage_LinkedReferral_WarnsWhoHoldsTheOthersAndLinksTheSubject()
    {
        var html = await GetAsync(PortalRoles.Investigator, $"referrals/{LinkedPortalServer.First}");

        var expected = $"Linked to 2 referrals (2 already assigned to {server.SupervisorName}, unit SUBJ-B)";
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"subjects/{server.SubjectId}\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("linking-deconfliction", StringComparison.Ordinal) < html.IndexOf("workflow-panel", StringComparison.Ordinal),
            "The warning comes before the work panel.");
    }

    [Theory]
    [InlineData(LinkedPortalServer.PhoneOnly)] // shares only the too-common phone
    [InlineData(LinkedPortalServer.Loner)]
    public async Task ReferralPage_NotLinked_NoWarning(long reportId)
    {
        var html = await GetAsync(PortalRoles.Supervisor, $"referrals/{reportId}");

        Assert.Contains("workflow-panel", html, StringComparison.Ordinal);
        Assert.DoesNotContain("linking-deconfliction", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferralPage_WaitingInTheLinkingOutbox_SaysLinkingIsPendingNotLinkedToNone()
    {
        var html = await GetAsync(PortalRoles.Supervisor, $"referrals/{LinkedPortalServer.Waiting}");

        Assert.Contains("Linking pending: not yet checked against other referrals", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Linked to", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("linking-pending", StringComparison.Ordinal) < html.IndexOf("workflow-panel", StringComparison.Ordinal),
            "The pending line comes before the work panel.");
    }

    private async Task<string> GetAsync(string role, string path)
    {
        using var client = await PortalSession.SignedInClientAsync(server, role);
        // Decoded, so that tests read the text people read (the renderer writes + as &#x2B;).
        return WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct));
    }
}
