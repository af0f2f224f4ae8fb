using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using System.Globalization;
using System.Text.Json;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Referral;

public sealed class ReferralPageBrowserTests(ImportedPortalServer server, BrowserFixture browser) : IClassFixture<ImportedPortalServer>
{
    private static readonly string[] Sections =
    [
        "referral-score", "referral-incident", "referral-reported", "referral-victims", "referral-recipients",
        "referral-internet", "referral-additional", "referral-files", "referral-envelope", "referral-related", "referral-reporter",
    ];

    [Fact]
    public async Task ReferralPage_FullReferral_ShowsEverySection()
    {
        var page = await OpenAsync(HandWrittenPackages.FullReportId);

        foreach (var section in Sections)
        {
            await Expect(page.Locator($".referral-section.{section}")).ToBeVisibleAsync();
        }

        await Expect(page.Locator(".referral-score .referral-tier")).ToHaveTextAsync("1 IMMEDIATE");
        await Expect(page.Locator(".referral-reason")).ToHaveCountAsync(2);
        await Expect(page.Locator(".referral-indicator")).ToHaveCountAsync(7);
        await Expect(page.Locator(".referral-indicator[data-indicator=meeting] .referral-indicator-value")).ToHaveTextAsync("93%");
        await Expect(page.Locator(".referral-warning")).ToContainTextAsync("legal authority needed");
        await Expect(page.Locator(".referral-escalation")).ToContainTextAsync("shopping mall");
        await Expect(page.Locator(".referral-annotations")).ToContainTextAsync("sextortion");
        await Expect(page.Locator(".referral-reported .referral-screen-name").First).ToContainTextAsync("sky_rider_77");
        await Expect(page.Locator(".referral-reported .referral-ip")).ToContainTextAsync("51234");
        await Expect(page.Locator(".referral-reported .referral-device")).ToContainTextAsync("356938035643809");
        await Expect(page.Locator(".referral-reported .referral-phone")).ToContainTextAsync("03001234567");
        await Expect(page.Locator(".referral-victims .referral-school")).ToContainTextAsync("Example Public School");
        await Expect(page.Locator(".referral-internet .chat-message")).ToHaveCountAsync(3);
        await Expect(page.Locator(".referral-files tr.referral-file")).ToHaveCountAsync(2);
        await Expect(page.Locator(".referral-files .referral-known-hash .referral-verdict").First).ToHaveTextAsync("Not analysed yet");
        await Expect(page.Locator(".referral-envelope .referral-ncmec-priority")).ToContainTextAsync("1");
        await Expect(page.Locator($".referral-related-report[data-report-id='{HandWrittenPackages.MarkupReportId}'] a"))
            .ToHaveAttributeAsync("href", $"referrals/{HandWrittenPackages.MarkupReportId}");
        await Expect(page.Locator($".referral-related-report[data-report-id='{HandWrittenPackages.MissingRelatedId}'] a")).ToHaveCountAsync(0);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "referral.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"Referral page screenshot: {screenshot}");
        Console.WriteLine($"Referral page screenshot: {screenshot}");
    }

    [Fact]
    public async Task ReferralPage_RelatedReportLink_OpensThatReferral()
    {
        var page = await OpenAsync(HandWrittenPackages.FullReportId);

        await page.Locator($".referral-related-report[data-report-id='{HandWrittenPackages.MarkupReportId}'] a").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(server.BaseAddress, $"referrals/{HandWrittenPackages.MarkupReportId}").ToString());
        await Expect(page.Locator("h1, .mud-typography-h5").First).ToHaveTextAsync($"Referral {HandWrittenPackages.MarkupReportId}");
    }

    [Fact]
    public async Task ReferralPage_GeneratedUrduChat_RendersRightToLeft()
    {
        var page = await OpenAsync(server.UrduReportId);
        var urdu = await UrduBubbleAsync(page);

        Assert.Equal("rtl", await urdu.EvaluateAsync<string>("e => getComputedStyle(e).direction"));
        Assert.Equal("auto", await urdu.GetAttributeAsync("dir"));
    }

    [Fact]
    public async Task ReferralPage_GeneratedUrduChat_IsShapedWithTheShippedFont()
    {
        var page = await OpenAsync(server.UrduReportId);
        await page.EvaluateAsync("() => document.fonts.ready");

        // Chromium reports the fonts it actually drew the node's text with: the shipped face, not a system fallback.
        // The prerendered page is re-rendered once the circuit starts, which can replace the node between the
        // look-up and the question: then the node is looked up again.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        List<(string? Family, bool Custom, int Glyphs)> used = [];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                used = await UsedFontsAsync(page, cdp);
                break;
            }
            catch (PlaywrightException e) when (attempt < 5 && e.Message.Contains("node", StringComparison.OrdinalIgnoreCase))
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }

        Assert.Contains(used, f => f.Family == "Noto Naskh Arabic" && f.Custom && f.Glyphs > 0);
    }

    [Fact]
    public async Task ReferralPage_Always_LoadsNothingFromAnotherHost()
    {
        var requests = new List<string>();
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Investigator);
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(server.BaseAddress, $"referrals/{HandWrittenPackages.FullReportId}").ToString());
        await Expect(page.Locator(".referral-section.referral-files")).ToBeVisibleAsync();
        await page.EvaluateAsync("() => document.fonts.ready");

        Assert.Contains(requests, r => r.Contains("fonts/noto-naskh-arabic/", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.StartsWith(server.BaseAddress.GetLeftPart(UriPartial.Authority), r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReferralPage_MarkupInReferralText_ShowsItAsTextAndRunsNoScript()
    {
        var page = await OpenAsync(HandWrittenPackages.MarkupReportId);

        await Expect(page.Locator(".referral-additional .free-text")).ToHaveTextAsync($"{HandWrittenPackages.ScriptText} {HandWrittenPackages.BoldText}");
        await Expect(page.Locator(".referral-escalation .free-text")).ToHaveTextAsync(HandWrittenPackages.BoldText);
        await Expect(page.Locator(".referral-reported .referral-screen-name")).ToContainTextAsync(HandWrittenPackages.BoldText);
        await Expect(page.Locator(".referral-reported .referral-bio")).ToHaveTextAsync(HandWrittenPackages.ScriptText);
        await Expect(page.Locator(".referral-internet .chat-text").First).ToHaveTextAsync(HandWrittenPackages.ScriptText);
        await Expect(page.Locator(".referral-files .referral-file-name")).ToHaveTextAsync($"{HandWrittenPackages.ScriptText}.png");

        Assert.Equal(0, await page.Locator(".referral-page script, .referral-page b, .referral-page img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>($"() => window.{HandWrittenPackages.ScriptFlag} === undefined"));
    }

    [Fact]
    public async Task ReferralPage_UnknownReport_SaysNotFound()
    {
        var page = await OpenAsync(424_242);

        await Expect(page.Locator(".referral-not-found")).ToContainTextAsync("No referral with report number 424242 has been received");
        await Expect(page.Locator(".referral-section")).ToHaveCountAsync(0);
    }

    private static async Task<List<(string? Family, bool Custom, int Glyphs)>> UsedFontsAsync(IPage page, ICDPSession cdp)
    {
        var urdu = await UrduBubbleAsync(page);
        await urdu.EvaluateAsync("e => e.setAttribute('data-urdu-under-test', '')");
        var document = await cdp.SendAsync("DOM.getDocument", new Dictionary<string, object> { ["depth"] = 0 });
        var node = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object>
        {
            ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(),
            ["selector"] = "[data-urdu-under-test]",
        });
        var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object>
        {
            ["nodeId"] = node!.Value.GetProperty("nodeId").GetInt32(),
        });
        return [.. fonts!.Value.GetProperty("fonts").EnumerateArray()
            .Select(f => (f.GetProperty("familyName").GetString(), f.GetProperty("isCustomFont").GetBoolean(), f.GetProperty("glyphCount").GetInt32()))];
    }

    [Fact]
    public async Task ReferralPage_Opened_OneAuditEntryForTheVisit()
    {
        var userName = await TestAccounts.EnsureAsync(server, "test.audited-reader", [PortalRoles.Investigator]);
        var page = await browser.NewPageAsync();
        await PortalSession.SignInAsync(page, server, userName, TestAccounts.Password);

        await page.GotoAsync(new Uri(server.BaseAddress, $"referrals/{HandWrittenPackages.FullReportId.ToString(CultureInfo.InvariantCulture)}").ToString());
        await Expect(page.Locator(".referral-section.referral-files")).ToBeVisibleAsync();
        await Expect(page.Locator(".referral-page[data-interactive=yes] .referral-files")).ToBeVisibleAsync(); // rendered again, interactively

        var audit = server.Services.GetRequiredService<Katalyst.Referrals.Store.Access.AuditLogStore>();
        var entries = await audit.SearchAsync(new(User: userName, Action: Katalyst.Portal.Audit.AuditActions.ReferralOpened), 0, 10, TestContext.Current.CancellationToken);
        var entry = Assert.Single(entries.Items);
        Assert.Equal(HandWrittenPackages.FullReportId.ToString(CultureInfo.InvariantCulture), entry.Target);
        Assert.Equal("127.0.0.1", entry.RemoteAddress);
    }

    private async Task<IPage> OpenAsync(long reportId)
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Investigator);
        await page.GotoAsync(new Uri(server.BaseAddress, $"referrals/{reportId.ToString(CultureInfo.InvariantCulture)}").ToString());
        await Expect(page.Locator(".referral-page[data-interactive=yes]")).ToBeVisibleAsync(); // past the prerendered copy
        return page;
    }

    private static async Task<ILocator> UrduBubbleAsync(IPage page)
    {
        var bubbles = page.Locator(".referral-page[data-interactive=yes] .referral-internet .chat-text");
        await Expect(bubbles.First).ToBeVisibleAsync();
        var texts = await bubbles.AllTextContentsAsync();
        var index = texts.ToList().FindIndex(t => t.Length > 0 && t[0] is >= '\u0600' and <= '\u06FF');
        Assert.True(index >= 0, $"No chat message opens in Urdu script: {JsonSerializer.Serialize(texts)}");
        return bubbles.Nth(index);
    }
}
