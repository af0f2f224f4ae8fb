using Katalyst.Protos.V1;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Intake.Parsing;
using Katalyst.Referrals.Model;
using Katalyst.Referrals.Scoring;

namespace Katalyst.Referrals.Tests.Scoring;

public sealed class ScoreRequestMapperTests
{
    private const string Report = """
        <report>
          <incidentSummary>
            <incidentType>Online Enticement of Children for Sexual Acts</incidentType>
            <escalateToHighPriority>Child says the meeting is tomorrow</escalateToHighPriority>
            <reportAnnotations><sextortion/><spam/></reportAnnotations>
            <incidentDateTime>2026-10-01T10:00:00Z</incidentDateTime>
          </incidentSummary>
          <internetDetails><chatImIncident><content>kal milte hain mall pe</content></chatImIncident></internetDetails>
          <reporter><reportingPerson><email>safety@example.com</email></reportingPerson></reporter>
          <personOrUserReported>
            <personOrUserReportedPerson>
              <phone>+92 300 1234567</phone><phone>0092-301-7654321</phone><phone>0333 1112223</phone><phone>+1 555 0100</phone>
              <email verified="true">a@example.com</email><email>b@example.com</email>
            </personOrUserReportedPerson>
            <screenName>user_1</screenName>
            <profileBio>Cricket lover</profileBio>
            <ipCaptureEvent><ipAddress>10.1.1.1</ipAddress></ipCaptureEvent>
            <ipCaptureEvent><ipAddress>10.1.1.2</ipAddress><possibleProxy>true</possibleProxy></ipCaptureEvent>
            <ipCaptureEvent><ipAddress>20.2.2.2</ipAddress></ipCaptureEvent>
            <priorCTReports>123</priorCTReports>
          </personOrUserReported>
          <victim><victimPerson><age>11</age></victimPerson><schoolName>City School</schoolName></victim>
        </report>
        """;

    [Fact]
    public void Map_Report_CarriesPolicySignals()
    {
        var request = Map(files: []);

        Assert.Equal(7, request.ReportId);
        Assert.Equal(Protos.V1.IncidentType.OnlineEnticement, request.IncidentType);
        Assert.Equal("Child says the meeting is tomorrow", request.EscalateToHighPriority);
        Assert.True(request.Annotations.Sextortion);
        Assert.True(request.Annotations.Spam);
        Assert.False(request.Annotations.CsamSolicitation);
        Assert.True(request.RoutedInCountry);
        Assert.Equal(2, request.LinkedReferrals);
        Assert.Equal(
            [(TextSource.Escalation, "Child says the meeting is tomorrow"), (TextSource.Chat, "kal milte hain mall pe"), (TextSource.ProfileBio, "Cricket lover")],
            request.Texts.Select(t => (t.Source, t.Text)));
        var victim = Assert.Single(request.Victims);
        Assert.Equal(11, victim.Age);
        Assert.True(victim.School);
    }

    [Fact]
    public void Map_Suspect_CountsIdentifiersAndInCountrySignals()
    {
        var suspect = Assert.Single(Map(files: []).ReportedPersons);

        Assert.Equal(4, suspect.Phones);
        Assert.Equal(3, suspect.InCountryPhones);
        Assert.Equal((2, 1), (suspect.Emails, suspect.VerifiedEmails));
        Assert.True(suspect.ScreenName);
        Assert.Equal(3, suspect.IpEvents);
        Assert.Equal(1, suspect.InCountryIpEvents); // 10.1.1.2 is in country but flagged as a proxy; 20.2.2.2 is abroad
        Assert.Equal(1, suspect.PriorCtReports);
        Assert.False(suspect.HasAge);
    }

    [Fact]
    public void Map_Files_MatchKnownHashesFromBytesOrEspStatement()
    {
        var known = new string('a', 32);
        var files = new[]
        {
            new FileFacts("bytes-known", null, known, null),
            new FileFacts("bytes-new", null, new string('b', 32), null),
            new FileFacts("esp-known", Details("esp-known", known), null, null),
            new FileFacts("no-hash", Details("no-hash", null), null, null),
        };

        var request = Map(files, KnownHashList.Of([known]));

        Assert.Equal(
            [HashMatch.Known, HashMatch.None, HashMatch.Known, HashMatch.Unknown],
            request.Files.Select(f => f.HashMatch));
        Assert.True(request.Files[2].ViewedByEsp);
        Assert.False(request.Files[0].HasViewedByEsp);
    }

    [Fact]
    public void Map_AnalysedFiles_KnownOrNewFromTheAnalysisElseTheOldPath()
    {
        var listed = new string('a', 32);
        var files = new[]
        {
            new FileFacts("pdq-known", null, new string('b', 32), null, "known"),
            new FileFacts("new-material", null, listed, null, "new"),
            new FileFacts("not-image", null, listed, null, "not-image"),
            new FileFacts("unreadable", null, new string('c', 32), null, "unreadable"),
            new FileFacts("not-analysed", null, new string('d', 32), null),
        };

        var request = Map(files, KnownHashList.Of([listed]));

        Assert.Equal(
            [HashMatch.Known, HashMatch.None, HashMatch.Known, HashMatch.None, HashMatch.None],
            request.Files.Select(f => f.HashMatch));
    }

    private static ScoreRequest Map(IEnumerable<FileFacts> files, KnownHashList? known = null)
    {
        var report = ReportXmlParser.Parse(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Report)), "report.xml", 1 << 20);
        var manifest = ManifestParser.Parse(System.Text.Encoding.UTF8.GetBytes("""
            { "reportId": 7, "receivedAt": "2026-10-02T08:00:00Z", "reportType": "referral", "country": "PK",
              "relatedReports": [1, 2],
              "geolocation": [ { "ip": "10.1.1.1", "country": "PK" }, { "ip": "10.1.1.2", "country": "PK" }, { "ip": "20.2.2.2", "country": "AE" } ] }
            """));
        return ScoreRequestMapper.Map(manifest, report, files, ScoringContext.Pakistan(known));
    }

    private static FileDetails Details(string fileId, string? md5) => FileDetailsXmlParser.Parse(
        new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"""
            <fileDetails><reportId>7</reportId><fileId>{fileId}</fileId><fileViewedByEsp>true</fileViewedByEsp>
            {(md5 is null ? "" : $"<originalFileHash hashType=\"MD5\">{md5}</originalFileHash>")}</fileDetails>
            """)),
        "f.xml",
        1 << 20);
}
