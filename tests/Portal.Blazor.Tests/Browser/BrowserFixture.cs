using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Katalyst.Portal.Tests.Browser.BrowserFixture))]

namespace Katalyst.Portal.Tests.Browser;

/// <summary>
/// One headless Debian Chromium for the whole test run, driven by Playwright and launched by the first
/// test that opens a page (so that tests without a browser run without one). Playwright's own browser
/// downloads are never used: the machine's <c>/usr/bin/chromium</c> must be installed.
/// </summary>
public sealed class BrowserFixture : IAsyncDisposable
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly SemaphoreSlim launching = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>Opens a fresh page in its own browser context, at a desktop size.</summary>
    /// <exception cref="InvalidOperationException">Chromium is not installed.</exception>
    public async Task<IPage> NewPageAsync()
    {
        var shared = await LaunchOnceAsync();
        var context = await shared.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        // A fresh portal's first page (JIT, first prerender, first circuit) has taken over 30 s on a loaded 2-core machine.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        launching.Dispose();
    }

    private async Task<IBrowser> LaunchOnceAsync()
    {
        await launching.WaitAsync();
        try
        {
            if (browser is not null)
            {
                return browser;
            }

            // A missing browser fails every browser test with the fix in the message; it is never a skip.
            if (!File.Exists(ChromiumPath))
            {
                throw new InvalidOperationException(
                    $"Chromium is missing at {ChromiumPath}; the portal's browser tests need it. Install it with: apt-get install chromium");
            }

            // The machines running these tests are shared and slow to start a circuit: wait up to 30 s, not 5.
            Assertions.SetDefaultExpectTimeout(30_000);
            playwright ??= await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            return browser;
        }
        finally
        {
            launching.Release();
        }
    }
}
