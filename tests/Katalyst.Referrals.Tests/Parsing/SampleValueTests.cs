using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>Specific values of the importable samples, read through the typed model.</summary>
public sealed class SampleValueTests
{
    [Fact]
    public void ReportParse_AllFieldsSample_ReadsSummaryAndAnnotations()
    {
        var report = ParseInput.ReportSample("Johannes-Andersen_CyberTipline-Tools_snapshot-report-all-fields.xml");

        var summary = report.IncidentSummary;
        Assert.Equal(IncidentType.ChildPornography, summary.IncidentType);
        Assert.Equal("Immediate risk to child", summary.EscalateToHighPriority);
        Assert.Equal(ReportAnnotations.Sextortion | ReportAnnotations.CsamSolicitation, summary.ReportAnnotations);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 14, 30, 0, TimeSpan.Zero), summary.IncidentDateTime);
        Assert.Equal("Multiple incidents over past week", summary.IncidentDateTimeDescription);
        Assert.Equal("Multiple incidents reported over the past week", report.AdditionalInfo);
        Assert.Empty(report.UnknownElements);
    }

    [Fact]
    public void ReportParse_AllFieldsSample_ReadsEachInternetDetailKind()
    {
        var report = ParseInput.ReportSample("Johannes-Andersen_CyberTipline-Tools_snapshot-report-all-fields.xml");

        Assert.Collection(
            report.InternetDetails,
            d =>
            {
                var web = Assert.IsType<WebPageIncident>(d);
                Assert.Equal(["https://example.com/harmful-content"], web.Urls);
                Assert.True(web.ThirdPartyHostedContent);
                Assert.Equal("Content reported by multiple users", web.AdditionalInfo);
            },
            d =>
            {
                var email = Assert.IsType<EmailIncident>(d);
                Assert.Equal("suspicious@example.com", Assert.Single(email.EmailAddresses).Value);
                Assert.True(email.EmailAddresses[0].Verified);
                Assert.Equal("Harmful content shared via email", email.Content);
            },
            d => Assert.Equal("newsgroup1", Assert.IsType<NewsgroupIncident>(d).Name),
            d =>
            {
                var chat = Assert.IsType<ChatImIncident>(d);
                Assert.Equal("SecureChat", chat.ChatClient);
                Assert.Equal("private-room-123", chat.ChatRoomName);
                Assert.Equal("Suspicious messages exchanged", chat.Content);
                Assert.Equal("chatImIncident", chat.ElementName);
            });
    }

    [Fact]
    public void ReportParse_AllFieldsSample_ReadsParties()
    {
        var report = ParseInput.ReportSample("Johannes-Andersen_CyberTipline-Tools_snapshot-report-all-fields.xml");

        var law = Assert.IsType<LawEnforcement>(report.LawEnforcement);
        Assert.Equal("FBI Cyber Division", law.AgencyName);
        Assert.Equal("FBI-2024-001", law.CaseNumber);
        Assert.Equal("john.smith@fbi.gov", law.OfficerContact!.Emails[0].Value);
        Assert.True(law.ReportedToLe);
        Assert.True(law.ServedLegalProcessDomestic);

        Assert.Equal("Sarah", report.Reporter.ReportingPerson.FirstName);
        Assert.Equal("555-0123", report.Reporter.ReportingPerson.Phones[0].Value);
        Assert.Equal("Standard reporting template for Company XYZ", report.Reporter.CompanyTemplate);
        Assert.Equal("Users must comply with all applicable laws", report.Reporter.TermsOfService);

        var suspect = Assert.Single(report.PersonsOrUsersReported);
        Assert.Equal("suspicious_user_123", suspect.Account.ScreenName);
        var ip = Assert.Single(suspect.Account.IpCaptureEvents);
        Assert.Equal(("192.168.1.100", "Upload"), (ip.IpAddress, ip.EventName));
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 12, 0, 0, TimeSpan.Zero), ip.DateTime);
        Assert.Equal(("IMEI", "123456789012345"), (suspect.Account.DeviceIds[0].IdType, suspect.Account.DeviceIds[0].IdValue));

        var recipient = Assert.Single(report.IntendedRecipients);
        Assert.Equal("USER123", recipient.Account.EspIdentifier);
        Assert.Equal(("Springfield", "Illinois", "US"), (recipient.Account.EstimatedLocation!.City, recipient.Account.EstimatedLocation.Region, recipient.Account.EstimatedLocation.CountryCode));

        var victim = Assert.Single(report.Victims);
        Assert.Equal(15, victim.Person.Age);
        Assert.Equal("Springfield High School", victim.SchoolName);
        Assert.Equal(("123 Main St", "62701", "IL"), (victim.Person.Addresses[0].StreetAddress, victim.Person.Addresses[0].ZipCode, victim.Person.Addresses[0].State));
    }

    [Fact]
    public void ReportParse_MixedIncidentsSample_ReadsGamingAndCellPhone()
    {
        var report = ParseInput.ReportSample("Johannes-Andersen_CyberTipline-Tools_snapshot-report-mixed-incidents.xml");

        Assert.Equal(ReportAnnotations.None, report.IncidentSummary.ReportAnnotations);
        Assert.Equal(["https://platform1.com/content", "https://platform2.com/content"], Assert.IsType<WebPageIncident>(report.InternetDetails[0]).Urls);
        var game = Assert.IsType<OnlineGamingIncident>(report.InternetDetails[1]);
        Assert.Equal(("Virtual World", "PC Gaming"), (game.GameName, game.Console));
        var phone = Assert.IsType<CellPhoneIncident>(report.InternetDetails[2]);
        Assert.Equal("555-0123", phone.PhoneNumber!.Value);
        Assert.Equal((40.7128, -74.006), (phone.Latitude!.Value, phone.Longitude!.Value));
        Assert.True(report.PersonsOrUsersReported[0].Account.EstimatedLocation!.Verified);
    }

    [Fact]
    public void ReportParse_VictimsRecipientsSample_ReadsEveryVictimAndRecipient()
    {
        var report = ParseInput.ReportSample("Johannes-Andersen_CyberTipline-Tools_snapshot-report-victims-recipients.xml");

        Assert.Equal(IncidentType.ChildSexTrafficking, report.IncidentSummary.IncidentType);
        Assert.Equal("Multiple victims identified", report.IncidentSummary.EscalateToHighPriority);
        Assert.Equal(["USER456", "USER789"], report.IntendedRecipients.Select(r => r.Account.EspIdentifier));
        Assert.Equal([14, 15], report.Victims.Select(v => v.Person.Age!.Value));
        Assert.Equal(["Middle School A", "Middle School B"], report.Victims.Select(v => v.SchoolName));
    }

    [Fact]
    public void ReportParse_NewerSchemaSample_KeepsInformationalAnnotation()
    {
        var report = ParseInput.ReportSample("Nachtalb_ncmec-cybertip_test-models-example-report.xml");

        Assert.Equal(
            ReportAnnotations.Sextortion | ReportAnnotations.CsamSolicitation | ReportAnnotations.MinorToMinorInteraction
                | ReportAnnotations.Spam | ReportAnnotations.SadisticOnlineExploitation,
            report.IncidentSummary.ReportAnnotations);
        Assert.Equal(["informational"], report.IncidentSummary.UnknownAnnotations);
        var unknown = Assert.Single(report.UnknownElements);
        Assert.Equal("report/incidentSummary/reportAnnotations/informational", unknown.Path);
        Assert.Equal("<informational />", unknown.RawXml);
        Assert.Equal(new DateTimeOffset(2012, 10, 15, 8, 0, 0, TimeSpan.FromHours(-7)), report.IncidentSummary.IncidentDateTime);
    }

    [Fact]
    public void ReportParse_TechDocSample_ReadsReporterAndUrl()
    {
        var report = ParseInput.ReportSample("usips_xf2-ncmec_techdoc-6.1-report.xml");

        Assert.Equal("http://badsite.com/baduri.html", Assert.IsType<WebPageIncident>(Assert.Single(report.InternetDetails)).Urls[0]);
        Assert.Equal(("John", "Smith", "jsmith@example.com"), (report.Reporter.ReportingPerson.FirstName, report.Reporter.ReportingPerson.LastName, report.Reporter.ReportingPerson.Emails[0].Value));
        Assert.Null(report.LawEnforcement);
        Assert.Empty(report.Victims);
    }

    [Fact]
    public void FileDetailsParse_AllFieldsSample_ReadsEveryGroup()
    {
        var file = ParseInput.FileDetailsSample("Johannes-Andersen_CyberTipline-Tools_snapshot-fileDetails-all-fields.xml");

        Assert.Equal((123456L, "FILE789"), (file.ReportId, file.FileId));
        Assert.Equal("original_evidence.jpg", file.OriginalFileName);
        Assert.Equal("https://platform.com/files/evidence.jpg", file.LocationOfFile);
        Assert.Equal((true, true, false), (file.FileViewedByEsp, file.ExifViewedByEsp, file.PubliclyAvailable));
        Assert.Equal(FileRelevance.Reported, file.FileRelevance);
        Assert.Equal(FileAnnotations.Viral | FileAnnotations.LiveStreaming, file.FileAnnotations);
        Assert.Equal(IndustryClassification.A1, file.IndustryClassification);
        Assert.Equal([new FileHash("SHA1", "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"), new FileHash("MD5", "e86fdc2283aff4179685f2a918a769eb")], file.OriginalFileHashes);
        Assert.Equal(new IpCaptureEvent("192.168.5.100", "Upload", new DateTimeOffset(2024, 1, 15, 16, 30, 0, TimeSpan.Zero), false, 443), file.IpCaptureEvent);
        Assert.Equal("354123456789012", Assert.Single(file.DeviceIds).IdValue);
        Assert.Equal(["EXIF", "HASH"], file.Details.Select(d => d.Type));
        Assert.Equal(new MetadataPair("Model", "EOS R5"), file.Details[0].NameValuePairs[1]);
        Assert.Equal(["File was uploaded via mobile app", "User attempted to delete file after upload"], file.AdditionalInfo);
    }

    [Fact]
    public void FileDetailsParse_AnnotationsSample_ReadsSupplementalAndMeme()
    {
        var file = ParseInput.FileDetailsSample("Johannes-Andersen_CyberTipline-Tools_snapshot-fileDetails-annotations-relevance.xml");

        Assert.Equal(FileRelevance.SupplementalReported, file.FileRelevance);
        Assert.Equal(FileAnnotations.PotentialMeme | FileAnnotations.Viral, file.FileAnnotations);
        Assert.True(file.IsPotentialMeme);
    }

    [Fact]
    public void FileDetailsParse_RequiredFieldsSample_DefaultsRelevanceAndLeavesFlagsUnknown()
    {
        var file = ParseInput.FileDetailsSample("Johannes-Andersen_CyberTipline-Tools_snapshot-fileDetails-required-fields.xml");

        Assert.Equal(FileRelevance.Reported, file.FileRelevance);
        Assert.Equal(FileAnnotations.None, file.FileAnnotations);
        Assert.Null(file.FileViewedByEsp);
        Assert.Null(file.PubliclyAvailable);
        Assert.Null(file.IndustryClassification);
    }

    [Fact]
    public void FileDetailsParse_TechnicalMetadataSample_KeepsUnicodeValues()
    {
        var file = ParseInput.FileDetailsSample("Johannes-Andersen_CyberTipline-Tools_snapshot-fileDetails-technical-metadata.xml");

        Assert.Equal("ICCID", file.DeviceIds[0].IdType);
        Assert.Equal(["DateTime", "GPSLatitude", "GPSLongitude"], file.Details[0].NameValuePairs.Select(p => p.Name));
        Assert.Equal("40.7128° N", file.Details[0].NameValuePairs[1].Value);
    }

    [Fact]
    public void FileDetailsParse_IncompleteIpCaptureSample_KeepsAddressOnly()
    {
        var file = ParseInput.FileDetailsSample("LumeWeb_ncmec_test-incomplete-ipCaptureEvent-fileDetails.xml");

        Assert.Equal(new IpCaptureEvent("63.116.246.17", null, null, null, null), file.IpCaptureEvent);
        Assert.Equal("b0754af766b426f2928a02c651ed4b99", file.FileId);
    }

    [Fact]
    public void FileDetailsParse_TechDocSample_ReadsUploadEvent()
    {
        var file = ParseInput.FileDetailsSample("usips_xf2-ncmec_techdoc-6.3-fileDetails.xml");

        Assert.Equal(4564654L, file.ReportId);
        Assert.Equal("mypic.jpg", file.OriginalFileName);
        Assert.Equal(new DateTimeOffset(2011, 10, 31, 12, 0, 0, TimeSpan.Zero), file.IpCaptureEvent!.DateTime);
        Assert.Equal(["File was originally posted with 6 others"], file.AdditionalInfo);
    }
}
