using Bunit;
using Katalyst.Portal.Components.Pages.Referral;
using Katalyst.Referrals.Model;
using Katalyst.Referrals.Store.Analysis;
using Katalyst.Referrals.Store.Detail;

namespace Katalyst.Portal.Tests.Referral;

public sealed class FilesTableTests : MudComponentTest
{
    private static readonly ReferralFileView Unviewed = new(
        "f1", "holiday-drawing.png", "image (png)", 2048, new string('a', 64), new string('b', 32), new string('c', 40),
        EspHashMismatch: true, ViewedByEsp: null, PubliclyAvailable: false, FileRelevance.Reported,
        ["generativeAi"], IndustryClassification.B2, [new FileHash("MD5", new string('0', 32))], Analysis: null);

    private static readonly ReferralFileView DetailsOnly = new(
        "f2", "screenshot.jpg", "image (jpg)", null, null, null, null,
        EspHashMismatch: false, ViewedByEsp: true, PubliclyAvailable: null, FileRelevance.SupplementalReported,
        [], null, [], Analysis: null);

    [Fact]
    public void Render_Files_ShowsOneRowPerFileWithNameTypeAndSize()
    {
        var table = Render<FilesTable>(p => p.Add(c => c.Files, [Unviewed, DetailsOnly]));

        var rows = table.FindAll("tr.referral-file");
        Assert.Equal(2, rows.Count);
        Assert.Equal("holiday-drawing.png", rows[0].QuerySelector(".referral-file-name")!.TextContent);
        Assert.Equal("image (png)", rows[0].QuerySelector(".referral-file-type")!.TextContent);
        Assert.Equal("2,048 bytes (2.0 KiB)", rows[0].QuerySelector(".referral-file-size")!.TextContent);
        Assert.Equal("bytes not received", rows[1].QuerySelector(".referral-file-size")!.TextContent);
    }

    [Fact]
    public void Render_FileWithBytes_ShowsAllThreeHashesAndTheMismatch()
    {
        var row = Render<FilesTable>(p => p.Add(c => c.Files, [Unviewed])).Find("tr.referral-file");

        Assert.Equal(new string('a', 64), row.QuerySelector(".referral-sha256")!.TextContent);
        Assert.Equal(new string('b', 32), row.QuerySelector(".referral-md5")!.TextContent);
        Assert.Equal(new string('c', 40), row.QuerySelector(".referral-sha1")!.TextContent);
        Assert.Contains("ESP hash differs from the bytes", row.QuerySelector(".referral-hash-mismatch")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NotAnalysedYet_SaysSoHonestly()
    {
        var rows = Render<FilesTable>(p => p.Add(c => c.Files, [Unviewed, DetailsOnly])).FindAll("tr.referral-file");

        Assert.Equal("Not analysed yet", rows[0].QuerySelector(".referral-verdict")!.TextContent);
        Assert.Equal("No bytes to analyse", rows[1].QuerySelector(".referral-verdict")!.TextContent);
    }

    [Theory]
    [InlineData("known", "sha256", 0, "Known: ncmec/A1 (exact)")]
    [InlineData("known", "pdq", 0, "Known: ncmec/A1 (exact)")]
    [InlineData("known", "pdq", 12, "Known: near-duplicate, distance 12 (ncmec/A1)")]
    [InlineData("new", null, null, "New material")]
    public void Render_Analysed_ShowsVerdictPdqAndQuality(string verdict, string? matchType, int? distance, string expected)
    {
        var pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
        var analysis = new StoredFileAnalysis(1, "f1", new string('a', 64), new string('b', 32), new string('c', 40), 2048, true, null, pdq, 87,
            verdict, matchType is null ? null : "ncmec", matchType is null ? null : "A1", null, matchType, distance, DateTimeOffset.UnixEpoch);

        var row = Render<FilesTable>(p => p.Add(c => c.Files, [Unviewed with { Analysis = analysis }])).Find("tr.referral-file");

        Assert.Equal(expected, row.QuerySelector(".referral-verdict")!.TextContent);
        Assert.Equal("PDQ f8f8f0cee0f4a84f… · quality 87", row.QuerySelector(".referral-pdq")!.TextContent);
    }

    [Fact]
    public void Render_FileEspDidNotView_FlagsLegalAuthority()
    {
        var rows = Render<FilesTable>(p => p.Add(c => c.Files, [Unviewed, DetailsOnly])).FindAll("tr.referral-file");

        Assert.Contains("not stated · legal authority needed", rows[0].QuerySelector(".referral-viewed")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("yes", rows[1].QuerySelector(".referral-viewed")!.TextContent.Trim());
    }

    [Fact]
    public void Render_AnnotationsAndClassification_AreShown()
    {
        var row = Render<FilesTable>(p => p.Add(c => c.Files, [Unviewed])).Find("tr.referral-file");

        Assert.Contains("generativeAi", row.QuerySelector(".referral-file-annotations")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("B2", row.QuerySelector(".referral-classification")!.TextContent);
        Assert.Equal("no", row.QuerySelector(".referral-public")!.TextContent);
    }

    [Fact]
    public void Render_NoFiles_SaysThePackageHeldNone()
    {
        var table = Render<FilesTable>(p => p.Add(c => c.Files, []));

        Assert.Equal("The package held no files.", table.Find(".referral-no-files").TextContent);
    }
}
