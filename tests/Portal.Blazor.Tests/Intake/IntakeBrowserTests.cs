using Katalyst.Portal.Access;
using Katalyst.Portal.Tests.Access;
using Katalyst.Portal.Tests.Browser;
using Katalyst.Portal.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Katalyst.Portal.Tests.Intake;

/// <summary>Uploading packages from the browser, as a supervisor would.</summary>
public sealed class IntakeBrowserTests(PortalServer server, BrowserFixture browser) : IClassFixture<PortalServer>
{
    [Fact]
    public async Task Intake_UploadZip_ShowsTheImportSummary()
    {
        using var zip = new GeneratedZip(4, 311);
        var page = await OpenIntakeAsync();

        await page.Locator(".intake-upload input[type=file]").SetInputFilesAsync(zip.Path);

        var job = page.Locator(".intake-job").Filter(new() { HasText = "delivery.zip" });
        await Expect(job.Locator(".intake-job-state")).ToHaveTextAsync("Finished", new() { Timeout = 30_000 });
        await Expect(job.Locator(".intake-job-summary")).ToContainTextAsync("Imported:           4");
        await Expect(job.Locator(".intake-job-summary")).ToContainTextAsync("Rejected:           0");
        var audit = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Katalyst.Referrals.Store.Access.AuditLogStore>(server.Services);
        var entries = await audit.SearchAsync(new(Action: Katalyst.Portal.Audit.AuditActions.IntakeUploaded, Target: "delivery.zip"), 0, 10, TestContext.Current.CancellationToken);
        Assert.Equal(TestAccounts.UserNameFor(PortalRoles.Supervisor), Assert.Single(entries.Items).UserName);
    }

    [Fact]
    public async Task Intake_UploadNotAZip_ShowsWhyItWasRefused()
    {
        var folder = Directory.CreateTempSubdirectory("katalyst-upload-").FullName;
        try
        {
            var notZip = Path.Combine(folder, "notes.txt");
            await File.WriteAllTextAsync(notZip, "not a package", TestContext.Current.CancellationToken);
            var page = await OpenIntakeAsync();

            await page.Locator(".intake-upload input[type=file]").SetInputFilesAsync(notZip);

            await Expect(page.Locator(".intake-error")).ToContainTextAsync("notes.txt is not a .zip");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<IPage> OpenIntakeAsync()
    {
        var page = await browser.NewSignedInPageAsync(server, PortalRoles.Supervisor);
        await page.GotoAsync(new Uri(server.BaseAddress, "intake").ToString());
        await Expect(page.Locator(".intake-upload-area[data-interactive=yes]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        return page;
    }
}
