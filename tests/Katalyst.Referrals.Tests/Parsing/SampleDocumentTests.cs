using System.Xml.Linq;
using Katalyst.Referrals.Intake;

namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>Every document in shared/spec/samples, with the outcome EXPECTED.md gives.</summary>
public sealed class SampleDocumentTests
{
    public static readonly TheoryData<string> ImportableReports =
    [
        "Johannes-Andersen_CyberTipline-Tools_snapshot-report-all-fields.xml",
        "Johannes-Andersen_CyberTipline-Tools_snapshot-report-mixed-incidents.xml",
        "Johannes-Andersen_CyberTipline-Tools_snapshot-report-victims-recipients.xml",
        "LumeWeb_ncmec_test-valid-report.xml",
        "Nachtalb_ncmec-cybertip_test-client-minimal-trafficking-report.xml",
        "Nachtalb_ncmec-cybertip_test-models-example-report.xml",
        "usips_xf2-ncmec_techdoc-6.1-report.xml",
    ];

    public static readonly TheoryData<string> ImportableFileDetails =
    [
        "Johannes-Andersen_CyberTipline-Tools_snapshot-fileDetails-all-fields.xml",
        "Johannes-Andersen_CyberTipline-Tools_snapshot-fileDetails-annotations-relevance.xml",
        "Johannes-Andersen_CyberTipline-Tools_snapshot-fileDetails-required-fields.xml",
        "Johannes-Andersen_CyberTipline-Tools_snapshot-fileDetails-technical-metadata.xml",
        "LumeWeb_ncmec_test-valid-fileDetails.xml",
        "LumeWeb_ncmec_test-incomplete-ipCaptureEvent-fileDetails.xml",
        "usips_xf2-ncmec_techdoc-6.3-fileDetails.xml",
    ];

    [Fact]
    public void Samples_EveryFileInFolder_IsCoveredByATest()
    {
        var covered = ImportableReports.Select(r => r.Data).Concat(ImportableFileDetails.Select(r => r.Data)).Concat(
        [
            "Johannes-Andersen_CyberTipline-Tools_snapshot-report-required-fields.xml",
            "LumeWeb_ncmec_test-invalid-timestamp-report.xml",
            "LumeWeb_ncmec_test-malformed-report.xml",
            "akshayjava_CyberTip-triage_test-invented-CyberTiplineReport.xml",
            "LumeWeb_ncmec_test-invalid-fileDetails-missing-fileId.xml",
        ]);
        var present = Directory.GetFiles(SharedFolder.Samples, "*.xml").Select(Path.GetFileName);

        Assert.Equal(present.Order(), covered.Order());
    }

    [Theory]
    [MemberData(nameof(ImportableReports))]
    public void ReportParse_ImportableSample_EveryLeafValueIsInModel(string sample)
    {
        var report = ParseInput.ReportSample(sample);

        ModelValues.AssertCovers(XDocument.Load(SharedFolder.Sample(sample)), report, sample);
    }

    [Theory]
    [MemberData(nameof(ImportableFileDetails))]
    public void FileDetailsParse_ImportableSample_EveryLeafValueIsInModel(string sample)
    {
        var details = ParseInput.FileDetailsSample(sample);

        ModelValues.AssertCovers(XDocument.Load(SharedFolder.Sample(sample)), details, sample);
    }

    [Theory]
    [InlineData("Johannes-Andersen_CyberTipline-Tools_snapshot-report-required-fields.xml", "report/incidentSummary/incidentType", "\"Online Enticement of Children for Sexual Act\" is not one of the schema's 8 incident types")]
    [InlineData("LumeWeb_ncmec_test-invalid-timestamp-report.xml", "report/incidentSummary/incidentDateTime", "\"2023-01-15 12:30:00\" is not an xs:dateTime")]
    [InlineData("akshayjava_CyberTip-triage_test-invented-CyberTiplineReport.xml", "CyberTiplineReport", "wrong root element <CyberTiplineReport>, expected <report>")]
    public void ReportParse_RejectedSample_NamesElementAndReason(string sample, string element, string reason)
    {
        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.ReportSample(sample));

        Assert.Equal(sample, error.FileName);
        Assert.Equal(element, error.Element);
        Assert.Equal(reason, error.Reason);
        Assert.NotNull(error.LineNumber);
    }

    [Fact]
    public void ReportParse_MalformedSample_RejectedAsNotWellFormedWithLine()
    {
        const string Sample = "LumeWeb_ncmec_test-malformed-report.xml";

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.ReportSample(Sample));

        Assert.StartsWith("not well-formed XML", error.Reason, StringComparison.Ordinal);
        Assert.True(error.LineNumber >= 14, $"line {error.LineNumber}");
        Assert.StartsWith($"{Sample} line ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileDetailsParse_MissingFileIdSample_NamesFileId()
    {
        const string Sample = "LumeWeb_ncmec_test-invalid-fileDetails-missing-fileId.xml";

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.FileDetailsSample(Sample));

        Assert.Equal("fileDetails/fileId", error.Element);
        Assert.Equal("required element is missing from <fileDetails>", error.Reason);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal($"{Sample} line 2, <fileId>: required element is missing from <fileDetails>", error.Message);
    }
}
