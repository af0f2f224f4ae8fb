using System.Xml.Linq;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>Documents using every element of the schema parse, and every value reaches the model.</summary>
public sealed class FullSchemaTests
{
    [Fact]
    public void ReportParse_EveryElementOfSchema_EveryValueIsInModel()
    {
        var report = ParseInput.Report(FullSchemaDocuments.Report);

        ModelValues.AssertCovers(XDocument.Parse(FullSchemaDocuments.Report), report, "full report");
        Assert.Empty(report.UnknownElements);
    }

    [Fact]
    public void FileDetailsParse_EveryElementOfSchema_EveryValueIsInModel()
    {
        var file = ParseInput.FileDetails(FullSchemaDocuments.FileDetails);

        ModelValues.AssertCovers(XDocument.Parse(FullSchemaDocuments.FileDetails), file, "full fileDetails");
        Assert.Empty(file.UnknownElements);
    }

    [Fact]
    public void ReportParse_EveryElementOfSchema_ReadsTypedValues()
    {
        var report = ParseInput.Report(FullSchemaDocuments.Report);

        Assert.Equal("VIRAL_POTENTIAL_MEME", report.BatchedReport!.Reason);
        Assert.Equal(IncidentType.OnlineEnticement, report.IncidentSummary.IncidentType);
        Assert.Equal(ReportAnnotations.SadisticOnlineExploitation | ReportAnnotations.MinorToMinorInteraction, report.IncidentSummary.ReportAnnotations);
        Assert.Equal(new DateTimeOffset(2023, 6, 1, 9, 30, 15, 250, TimeSpan.FromHours(-4)), report.IncidentSummary.IncidentDateTime);
        Assert.Equal((true, "GB"), (report.LawEnforcement!.ServedLegalProcessInternational, report.LawEnforcement.FleaCountry));
        Assert.Equal("contact@example.org", report.Reporter.ContactPerson!.Emails[0].Value);
        Assert.Equal(new DateOnly(1983, 3, 3), report.Reporter.ReportingPerson.DateOfBirth);

        var suspect = report.PersonsOrUsersReported[0];
        Assert.Equal([1001L, 1002L], suspect.Account.PriorCTReports);
        Assert.Equal(new DateOnly(1993, 4, 4), suspect.Person!.DateOfBirth);
        Assert.Equal(new AccountDisabled(true, new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.Zero), true, new DateTimeOffset(2023, 7, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2023, 7, 9, 0, 0, 0, TimeSpan.Zero)), suspect.Account.AccountTemporarilyDisabled);
        Assert.Null(suspect.Account.AccountPermanentlyDisabled!.ReenabledDate);
        var associated = Assert.Single(suspect.AssociatedAccounts);
        Assert.Equal(("Parent/Guardian", "Other Platform", true, 35), (associated.Type, associated.Platform, associated.PlatformThirdPartyUser, associated.ApproximateAge));
        Assert.Equal([2001L], associated.Account.PriorCTReports);

        Assert.Equal(["Recipient note one", "Recipient note two"], report.IntendedRecipients[0].AdditionalInfo);
        Assert.Equal(new DateOnly(2011, 9, 9), report.Victims[0].Person.DateOfBirth);
        Assert.Equal("victim_alt", report.Victims[0].AssociatedAccounts[0].Account.ScreenName);
        var phone = Assert.IsType<CellPhoneIncident>(report.InternetDetails[2]).PhoneNumber!;
        Assert.Equal(("Mobile", true, "+92", "12"), (phone.Type, phone.Verified, phone.CountryCallingCode, phone.Extension));
    }

    [Fact]
    public void FileDetailsParse_EveryElementOfSchema_ReadsTypedValues()
    {
        var file = ParseInput.FileDetails(FullSchemaDocuments.FileDetails);

        Assert.Equal(9000000001L, file.ReportId);
        Assert.Equal("تصویر.png", file.OriginalFileName);
        Assert.Equal((false, false, true), (file.FileViewedByEsp, file.ExifViewedByEsp, file.PubliclyAvailable));
        Assert.Equal(FileAnnotations.Infant | FileAnnotations.PhysicalHarm | FileAnnotations.GenerativeAi | FileAnnotations.PossibleSelfProduction, file.FileAnnotations);
        Assert.Equal(IndustryClassification.B2, file.IndustryClassification);
        Assert.Equal("PDQ", file.OriginalFileHashes[0].HashType);
        Assert.Equal(2, file.DeviceIds.Count);
        Assert.Null(file.Details[0].Type);
        Assert.False(file.IsPotentialMeme);
    }
}
