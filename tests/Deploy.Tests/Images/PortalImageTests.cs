using System.Net;
using System.Text.RegularExpressions;

namespace Katalyst.Deploy.Tests.Images;

public sealed partial class PortalImageTests(PortalImage image) : IClassFixture<PortalImage>
{
    [Fact]
    public void Dockerfile_CopySources_ExistInPublishOutput() => ImageAssertions.CopySourcesExist(image);

    [Fact]
    public void Image_Laid_HoldsEveryAssemblyAndNativeLibrary() => ImageAssertions.ImageHoldsWhatTheAppLoads(image);

    [Fact]
    public async Task Image_StartedAsInProduction_ServesSignInAndItsStylesheets()
    {
        var port = LoopbackPort.Free();
        await using var portal = ImageProcess.Start(image, new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Store__ConnectionString"] = $"Data Source={Path.Combine(image.DataPath, "katalyst.db")}",
            ["Store__EvidencePath"] = Path.Combine(image.DataPath, "evidence"),
            ["Uploads__Path"] = Path.Combine(image.DataPath, "uploads"),
            ["KeyRing__Path"] = Path.Combine(image.DataPath, "keys"),
            ["Scoring__Server"] = "",
        });
        await portal.ListeningAsync(port);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        using var signIn = await client.GetAsync(new Uri("signin", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var stylesheets = Stylesheet().Matches(html).Select(m => m.Groups["href"].Value).ToList();

        Assert.True(signIn.StatusCode == HttpStatusCode.OK, portal.Log);
        Assert.Contains(stylesheets, s => s.Contains("MudBlazor", StringComparison.Ordinal));
        foreach (var href in stylesheets)
        {
            using var css = await client.GetAsync(new Uri(href, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(css.StatusCode == HttpStatusCode.OK, $"{href}: {(int)css.StatusCode}; the image's wwwroot lacks it");
        }
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex Stylesheet();
}
