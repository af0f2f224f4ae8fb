using Microsoft.Playwright;

namespace Katalyst.Portal.Tests.EndToEnd;

/// <summary>Full-page screenshots for review, under the test output's <c>TestResults/screenshots/</c>; each path is printed.</summary>
public static class Screenshots
{
    /// <summary>Saves a full-page screenshot named <paramref name="fileName"/> and prints where it went.</summary>
    public static async Task<string> SaveAsync(IPage page, string fileName, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"{what} screenshot: {path}");
        Console.WriteLine($"{what} screenshot: {path}");
        return path;
    }
}
