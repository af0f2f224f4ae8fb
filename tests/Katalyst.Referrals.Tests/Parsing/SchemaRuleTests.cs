using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>The schema's rules, enforced without the XSD: each rejection names file, line, element and reason.</summary>
public sealed class SchemaRuleTests
{
    [Fact]
    public void ReportParse_InvalidDateTime_MessageNamesFileLineElementAndValue()
    {
        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(ParseInput.MinimalReport("2023-13-45")));

        Assert.Equal("report.xml line 5, <incidentDateTime>: \"2023-13-45\" is not an xs:dateTime", error.Message);
        Assert.Equal("report/incidentSummary/incidentDateTime", error.Element);
        Assert.Equal(5, error.LineNumber);
    }

    [Theory]
    [InlineData("2024-01-15T14:30:00", 0)]
    [InlineData("2024-01-15T14:30:00.1234567891+05:00", 5)]
    [InlineData("  2024-01-15T14:30:00Z\n", 0)]
    public void ReportParse_ValidDateTimeForms_Accepted(string value, int offsetHours)
    {
        var report = ParseInput.Report(ParseInput.MinimalReport(value));

        Assert.Equal(new DateTimeOffset(2024, 1, 15, 14, 30, 0, TimeSpan.FromHours(offsetHours)), report.IncidentSummary.IncidentDateTime.AddTicks(-(report.IncidentSummary.IncidentDateTime.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Theory]
    [InlineData("2024-01-15")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-01-15T25:00:00Z")]
    [InlineData("2024-01-15T10:00:00+15:00")]
    [InlineData("15/01/2024 10:00")]
    [InlineData("")]
    public void ReportParse_InvalidDateTimeForms_Rejected(string value)
    {
        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(ParseInput.MinimalReport(value)));

        Assert.EndsWith("is not an xs:dateTime", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_EndOfDayTwentyFour_IsNextMidnight()
    {
        var report = ParseInput.Report(ParseInput.MinimalReport("2024-12-31T24:00:00Z"));

        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), report.IncidentSummary.IncidentDateTime);
    }

    [Fact]
    public void ReportParse_MissingIncidentSummary_NamesIt()
    {
        const string Xml = "<report>\n<reporter><reportingPerson/></reporter>\n</report>";

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(Xml));

        Assert.Equal("report/incidentSummary", error.Element);
        Assert.Equal("report.xml line 1, <incidentSummary>: required element is missing from <report>", error.Message);
    }

    [Fact]
    public void ReportParse_MissingReportingPerson_NamesIt()
    {
        var xml = ParseInput.MinimalReport().Replace("<reportingPerson><email>a@example.com</email></reportingPerson>", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(xml));

        Assert.Equal("report/reporter/reportingPerson", error.Element);
    }

    [Fact]
    public void ReportParse_InternetDetailsWithTwoKinds_Rejected()
    {
        var xml = ParseInput.MinimalReport(body: "<internetDetails><webPageIncident/><chatImIncident/></internetDetails>");

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(xml));

        Assert.Equal("report/internetDetails", error.Element);
        Assert.EndsWith("found <webPageIncident> and <chatImIncident>", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_InternetDetailsEmpty_Rejected()
    {
        var xml = ParseInput.MinimalReport(body: "<internetDetails></internetDetails>");

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(xml));

        Assert.EndsWith("found none", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_EveryInternetDetailKind_Read()
    {
        const string Body = """
            <internetDetails><webPageIncident><url>u</url></webPageIncident></internetDetails>
            <internetDetails><emailIncident><emailAddress type="Work">e@x.org</emailAddress></emailIncident></internetDetails>
            <internetDetails><newsgroupIncident><name>n</name></newsgroupIncident></internetDetails>
            <internetDetails><chatImIncident><content>hi</content></chatImIncident></internetDetails>
            <internetDetails><onlineGamingIncident><gameName>g</gameName></onlineGamingIncident></internetDetails>
            <internetDetails><cellPhoneIncident><phoneNumber countryCallingCode="+92" type="Mobile">3001234567</phoneNumber></cellPhoneIncident></internetDetails>
            <internetDetails><nonInternetIncident><locationName>park</locationName><incidentAddress type="Home"><city>Lahore</city><country>PK</country></incidentAddress></nonInternetIncident></internetDetails>
            <internetDetails><peer2peerIncident><client>c</client><ipCaptureEvent><ipAddress>203.0.113.9</ipAddress><port>6881</port></ipCaptureEvent><fileNames>f.bin</fileNames><additionalInfo>p2p note</additionalInfo></peer2peerIncident></internetDetails>
            """;

        var details = ParseInput.Report(ParseInput.MinimalReport(body: Body)).InternetDetails;

        Assert.Equal(
            ["webPageIncident", "emailIncident", "newsgroupIncident", "chatImIncident", "onlineGamingIncident", "cellPhoneIncident", "nonInternetIncident", "peer2peerIncident"],
            details.Select(d => d.ElementName));
        Assert.Equal("Work", ((EmailIncident)details[1]).EmailAddresses[0].Type);
        Assert.Equal("+92", ((CellPhoneIncident)details[5]).PhoneNumber!.CountryCallingCode);
        Assert.Equal("PK", ((NonInternetIncident)details[6]).IncidentAddresses[0].Country);
        var p2p = (PeerToPeerIncident)details[7];
        Assert.Equal((6881, "f.bin", "p2p note"), (p2p.IpCaptureEvents[0].Port, p2p.FileNames, p2p.AdditionalInfo));
    }

    [Fact]
    public void ReportParse_DuplicateSingleElement_Rejected()
    {
        var xml = ParseInput.MinimalReport(summaryExtra: "<platform>a</platform><platform>b</platform>");

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(xml));

        Assert.Equal("report/incidentSummary/platform", error.Element);
        Assert.Contains("more than once", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_OutOfOrderElement_Rejected()
    {
        const string Xml = "<report><reporter><reportingPerson/></reporter><incidentSummary><incidentType>Child Sex Tourism</incidentType><incidentDateTime>2024-01-01T00:00:00Z</incidentDateTime></incidentSummary></report>";

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(Xml));

        Assert.Equal("report/incidentSummary", error.Element);
        Assert.Contains("out of order", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<victim><victimPerson><age>fifteen</age></victimPerson></victim>", "report/victim/victimPerson/age", "\"fifteen\" is not an xs:int")]
    [InlineData("<victim><victimPerson><dateOfBirth>2010-02-30</dateOfBirth></victimPerson></victim>", "report/victim/victimPerson/dateOfBirth", "\"2010-02-30\" is not an xs:date")]
    [InlineData("<personOrUserReported><priorCTReports>12x</priorCTReports></personOrUserReported>", "report/personOrUserReported/priorCTReports", "\"12x\" is not an xs:long")]
    [InlineData("<personOrUserReported><compromisedAccount>yes</compromisedAccount></personOrUserReported>", "report/personOrUserReported/compromisedAccount", "\"yes\" is not an xs:boolean")]
    [InlineData("<personOrUserReported><ipCaptureEvent><ipAddress>1.2.3.4</ipAddress><eventName>Logout</eventName></ipCaptureEvent></personOrUserReported>", "report/personOrUserReported/ipCaptureEvent/eventName", "\"Logout\" is not one of the schema's ipCaptureType values (\"Login\", \"Registration\", \"Purchase\", \"Upload\", \"Other\", \"Unknown\")")]
    [InlineData("<personOrUserReported><ipCaptureEvent><eventName>Login</eventName></ipCaptureEvent></personOrUserReported>", "report/personOrUserReported/ipCaptureEvent/ipAddress", "required element is missing from <ipCaptureEvent>")]
    [InlineData("<personOrUserReported><estimatedLocation><countryCode>XX</countryCode></estimatedLocation></personOrUserReported>", "report/personOrUserReported/estimatedLocation/countryCode", "\"XX\" is not one of the schema's country values")]
    [InlineData("<victim><victimPerson><email verified=\"maybe\">a@b.c</email></victimPerson></victim>", "report/victim/victimPerson/email/@verified", "\"maybe\" is not an xs:boolean")]
    [InlineData("<victim><victimPerson/><associatedAccount><platform>x</platform></associatedAccount></victim>", "report/victim/associatedAccount/@type", "required attribute \"type\" is missing")]
    [InlineData("<victim><espIdentifier>v1</espIdentifier></victim>", "report/victim/victimPerson", "required element is missing from <victim>")]
    public void ReportParse_InvalidPartyValue_NamesElementAndReason(string party, string element, string reason)
    {
        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(ParseInput.MinimalReport(after: party)));

        Assert.Equal(element, error.Element);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void ReportParse_AnnotationFalse_RejectedBecauseFixedTrue()
    {
        var xml = ParseInput.MinimalReport(summaryExtra: "<reportAnnotations><spam>false</spam></reportAnnotations>");

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(xml));

        Assert.Equal("report/incidentSummary/reportAnnotations/spam", error.Element);
        Assert.Contains("fixes this annotation to true", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_WrongRootNamespace_Rejected()
    {
        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report("<report xmlns=\"urn:other\"/>"));

        Assert.StartsWith("wrong root element <report xmlns=\"urn:other\">", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_FileDetailsDocument_RejectedAsWrongRoot()
    {
        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report("<fileDetails><reportId>1</reportId></fileDetails>"));

        Assert.Equal("wrong root element <fileDetails>, expected <report>", error.Reason);
    }

    [Fact]
    public void FileDetailsParse_ReportDocument_RejectedAsWrongRoot()
    {
        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.FileDetails(ParseInput.MinimalReport()));

        Assert.Equal("wrong root element <report>, expected <fileDetails>", error.Reason);
    }

    [Theory]
    [InlineData("<industryClassification>C1</industryClassification>", "fileDetails/industryClassification", "\"C1\" is not one of the schema's fileClassification values (\"A1\", \"A2\", \"B1\", \"B2\")")]
    [InlineData("<fileRelevance>reported</fileRelevance>", "fileDetails/fileRelevance", "\"reported\" is not one of the schema's fileRelevance values (\"Reported\", \"Supplemental Reported\")")]
    [InlineData("<fileViewedByEsp>Y</fileViewedByEsp>", "fileDetails/fileViewedByEsp", "\"Y\" is not an xs:boolean")]
    [InlineData("<originalFileHash>abc</originalFileHash>", "fileDetails/originalFileHash/@hashType", "required attribute \"hashType\" is missing")]
    [InlineData("<details type=\"XMP\"><nameValuePair><name>a</name><value>b</value></nameValuePair></details>", "fileDetails/details/@type", "\"XMP\" is not one of the schema's metadataTypes values (\"EXIF\", \"HASH\")")]
    [InlineData("<details/>", "fileDetails/details/nameValuePair", "required element is missing from <details>")]
    [InlineData("<potentialMeme>true</potentialMeme><fileAnnotations/>", "fileDetails/fileAnnotations", "the schema allows <potentialMeme> or <fileAnnotations>, not both")]
    [InlineData("<ipCaptureEvent><ipAddress>1.2.3.4</ipAddress></ipCaptureEvent><ipCaptureEvent><ipAddress>5.6.7.8</ipAddress></ipCaptureEvent>", "fileDetails/ipCaptureEvent", "appears more than once; the schema allows it once here")]
    public void FileDetailsParse_InvalidValue_NamesElementAndReason(string body, string element, string reason)
    {
        var xml = $"<fileDetails><reportId>7</reportId><fileId>f1</fileId>{body}</fileDetails>";

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.FileDetails(xml));

        Assert.Equal(element, error.Element);
        Assert.Equal(reason, error.Reason);
    }

    [Theory]
    [InlineData("<fileDetails><reportId>abc</reportId><fileId>f</fileId></fileDetails>", "fileDetails/reportId", "\"abc\" is not an xs:long")]
    [InlineData("<fileDetails><fileId>f</fileId></fileDetails>", "fileDetails/reportId", "required element is missing from <fileDetails>")]
    [InlineData("<fileDetails><reportId>1</reportId><fileId>  </fileId></fileDetails>", "fileDetails/fileId", "is empty; a fileId must name the file")]
    public void FileDetailsParse_BadIdentifiers_Rejected(string xml, string element, string reason)
    {
        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.FileDetails(xml));

        Assert.Equal(element, error.Element);
        Assert.Equal(reason, error.Reason);
    }

    [Fact]
    public void FileDetailsParse_FileIdToken_WhitespaceCollapsed()
    {
        var file = ParseInput.FileDetails("<fileDetails><reportId> 42 </reportId><fileId>\n  abc  </fileId><potentialMeme>1</potentialMeme></fileDetails>");

        Assert.Equal((42L, "abc"), (file.ReportId, file.FileId));
        Assert.True(file.PotentialMeme);
        Assert.True(file.IsPotentialMeme);
    }

    [Fact]
    public void FileDetailsParse_EveryAnnotation_SetsItsFlag()
    {
        const string Annotations = "<animeDrawingVirtualHentai/><potentialMeme/><viral>true</viral><possibleSelfProduction/><physicalHarm/><violenceGore/><bestiality/><liveStreaming/><infant>1</infant><generativeAi/>";

        var file = ParseInput.FileDetails($"<fileDetails><reportId>1</reportId><fileId>f</fileId><fileAnnotations>{Annotations}</fileAnnotations></fileDetails>");

        Assert.Equal(Enum.GetValues<FileAnnotations>().Aggregate((a, b) => a | b), file.FileAnnotations);
    }
}
