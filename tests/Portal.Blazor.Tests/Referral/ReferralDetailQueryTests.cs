using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Model;
using Katalyst.Referrals.Store.Detail;

namespace Katalyst.Portal.Tests.Referral;

public sealed class ReferralDetailQueryTests(ImportedPortalServer server) : IClassFixture<ImportedPortalServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_UnknownReport_ReturnsNull()
    {
        Assert.Null(await server.DetailQuery().GetAsync(12_345, Token));
    }

    [Fact]
    public async Task GetAsync_ZeroReportId_ThrowsNamingTheArgument()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => server.DetailQuery().GetAsync(0, Token));
        Assert.Equal("reportId", error.ParamName);
    }

    [Fact]
    public async Task GetAsync_GeneratedUrduReferral_FillsEverySectionTheGeneratorWrote()
    {
        var detail = await server.DetailQuery().GetAsync(server.UrduReportId, Token);

        Assert.NotNull(detail);
        var report = detail.Referral.Report;
        Assert.Equal(server.UrduReportId, detail.ReportId);
        Assert.Equal(server.UrduReportId, detail.Referral.Manifest.ReportId);
        Assert.False(string.IsNullOrWhiteSpace(report.Reporter.ReportingPerson.LastName));
        var suspect = Assert.Single(report.PersonsOrUsersReported);
        Assert.False(string.IsNullOrWhiteSpace(suspect.Account.ScreenName ?? suspect.Account.EspIdentifier));
        Assert.NotEmpty(report.Victims);
        var chat = Assert.IsType<ChatImIncident>(Assert.Single(report.InternetDetails));
        Assert.Contains(chat.Content!.Split('\n'), UrduScript.StartsWithUrdu);
        Assert.NotEmpty(detail.Files);
        Assert.All(detail.Files.Where(f => f.Sha256 is not null), f =>
        {
            Assert.Equal(64, f.Sha256!.Length);
            Assert.Equal(32, f.Md5!.Length);
            Assert.Equal(40, f.Sha1!.Length);
            Assert.True(f.ByteLength > 0);
            Assert.StartsWith("image (", f.Type, StringComparison.Ordinal);
        });
        Assert.NotNull(detail.Score);
        Assert.Equal(7, detail.Score.Indicators.Count);
    }

    [Fact]
    public async Task GetAsync_FullReferral_ReadsEveryPartyIdentifier()
    {
        var detail = await server.DetailQuery().GetAsync(HandWrittenPackages.FullReportId, Token);

        Assert.NotNull(detail);
        var report = detail.Referral.Report;
        var suspect = Assert.Single(report.PersonsOrUsersReported);
        Assert.Equal("sky_rider_77", suspect.Account.ScreenName);
        Assert.Equal("uid-884422", suspect.Account.EspIdentifier);
        Assert.Equal("03001234567", Assert.Single(suspect.Person!.Phones).Value);
        Assert.Equal("sky.rider@example.com", Assert.Single(suspect.Person.Emails).Value);
        var ip = Assert.Single(suspect.Account.IpCaptureEvents);
        Assert.Equal(("203.0.113.7", 51234), (ip.IpAddress, ip.Port.GetValueOrDefault()));
        Assert.Equal("356938035643809", Assert.Single(suspect.Account.DeviceIds).IdValue);
        Assert.Equal("https://example.com/u/sky_rider_77", Assert.Single(suspect.Account.ProfileUrls));
        Assert.Equal(34, suspect.Person.Age);
        Assert.Equal("Lahore", suspect.Account.EstimatedLocation!.City);
        Assert.Equal("Example Public School", Assert.Single(report.Victims).SchoolName);
        Assert.Equal("guddu_12", Assert.Single(report.IntendedRecipients).Account.ScreenName);
        Assert.Equal("Example Police Cyber Unit", report.LawEnforcement!.AgencyName);
        Assert.Equal(2, report.InternetDetails.Count);
    }

    [Fact]
    public async Task GetAsync_FullReferral_ViewsFilesWithEspFlagsAndHonestKnownHashStatus()
    {
        var detail = await server.DetailQuery().GetAsync(HandWrittenPackages.FullReportId, Token);

        Assert.NotNull(detail);
        Assert.Equal(["f1", "f2"], detail.Files.Select(f => f.FileId));
        var withBytes = detail.Files[0];
        Assert.Equal("holiday-drawing.png", withBytes.Name);
        Assert.Equal("file (bin)", withBytes.Type);
        Assert.Equal(HandWrittenPackages.Bytes("unviewed file").Length, withBytes.ByteLength);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(HandWrittenPackages.Bytes("unviewed file"))), withBytes.Sha256);
        Assert.True(withBytes.EspHashMismatch);
        Assert.False(withBytes.ViewedByEsp);
        Assert.True(withBytes.PubliclyAvailable);
        Assert.Equal(["potentialMeme", "generativeAi"], withBytes.Annotations);
        Assert.Equal(IndustryClassification.B2, withBytes.IndustryClassification);
        Assert.Null(withBytes.Analysis);

        var detailsOnly = detail.Files[1];
        Assert.Equal(("screenshot.jpg", "image (jpg)"), (detailsOnly.Name, detailsOnly.Type));
        Assert.Null(detailsOnly.ByteLength);
        Assert.Null(detailsOnly.Sha256);
        Assert.True(detailsOnly.ViewedByEsp);
    }

    [Fact]
    public async Task GetAsync_FullReferral_LinksRelatedReportsAndMarksThoseStored()
    {
        var detail = await server.DetailQuery().GetAsync(HandWrittenPackages.FullReportId, Token);

        Assert.NotNull(detail);
        var related = detail.Related.ToDictionary(r => r.ReportId);
        Assert.Equal(4, related.Count);
        Assert.True(related[server.Generated[0]].Stored);
        Assert.True(related[HandWrittenPackages.MarkupReportId].Stored);
        Assert.False(related[HandWrittenPackages.MissingRelatedId].Stored);
        Assert.Equal([ReferralDetailQuery.NcmecRelatedSource], related[HandWrittenPackages.MissingRelatedId].Sources);
        Assert.False(related[66_000_001].Stored);
        Assert.Equal(["priorCTReports of reported person 1"], related[66_000_001].Sources);
        Assert.Equal(detail.Related.Select(r => r.ReportId).Order(), detail.Related.Select(r => r.ReportId));
    }

    [Fact]
    public async Task GetAsync_UnscoredReferral_HasNoScore()
    {
        var detail = await server.DetailQuery().GetAsync(HandWrittenPackages.MarkupReportId, Token);

        Assert.NotNull(detail);
        Assert.Null(detail.Score);
        Assert.Empty(detail.Related);
    }
}
