using System.Xml;
using System.Xml.Schema;
using Katalyst.Referrals.Intake;

namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>
/// The parsers enforce the schema without loading it; here the real XSD (read from ../shared,
/// test-only) judges the same documents, and both verdicts must agree. Deliberate differences
/// (unknown elements kept, leading whitespace, empty fileId) are tested elsewhere.
/// </summary>
public sealed class XsdAgreementTests
{
    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(Path.Combine(SharedFolder.Spec, "ncmec-cybertipline-report.xsd"), new XmlReaderSettings { XmlResolver = null });
        set.Add(null, reader);
        set.Compile();
        return set;
    });

    public static readonly TheoryData<string> Samples =
    [
        // The Nachtalb sample's <informational/> is from a newer schema: kept by design, rejected by this XSD.
        .. SampleDocumentTests.ImportableReports.Select(r => r.Data).Where(s => !s.StartsWith("Nachtalb_ncmec-cybertip_test-models", StringComparison.Ordinal)),
        .. SampleDocumentTests.ImportableFileDetails.Select(r => r.Data),
        "Johannes-Andersen_CyberTipline-Tools_snapshot-report-required-fields.xml",
        "LumeWeb_ncmec_test-invalid-timestamp-report.xml",
        "LumeWeb_ncmec_test-invalid-fileDetails-missing-fileId.xml",
    ];

    public static readonly TheoryData<string> ReportVariants =
    [
        ParseInput.MinimalReport(),
        FullSchemaDocuments.Report,
        ParseInput.MinimalReport("2024-01-15T14:30:00"),
        ParseInput.MinimalReport("2024-02-30T00:00:00Z"),
        ParseInput.MinimalReport("2024-01-15"),
        // Not here: "+15:00". XSD 1.0 limits zones to ±14:00 and the parser does too; .NET's validator does not check it.
        ParseInput.MinimalReport(summaryExtra: "<platform>a</platform><platform>b</platform>"),
        ParseInput.MinimalReport(summaryExtra: "<reportAnnotations><spam>false</spam></reportAnnotations>"),
        ParseInput.MinimalReport(summaryExtra: "<reportAnnotations><spam>1</spam><sextortion/></reportAnnotations>"),
        ParseInput.MinimalReport(body: "<internetDetails><webPageIncident/><chatImIncident/></internetDetails>"),
        ParseInput.MinimalReport(body: "<internetDetails></internetDetails>"),
        ParseInput.MinimalReport(body: "<internetDetails><cellPhoneIncident><latitude>north</latitude></cellPhoneIncident></internetDetails>"),
        ParseInput.MinimalReport(body: "<internetDetails><cellPhoneIncident><phoneNumber countryCallingCode=\"92\">1</phoneNumber></cellPhoneIncident></internetDetails>"),
        ParseInput.MinimalReport(after: "<victim><victimPerson><age>fifteen</age></victimPerson></victim>"),
        ParseInput.MinimalReport(after: "<victim><victimPerson><age>15</age><firstName>A</firstName></victimPerson></victim>"),
        ParseInput.MinimalReport(after: "<victim><espIdentifier>v1</espIdentifier></victim>"),
        ParseInput.MinimalReport(after: "<personOrUserReported><priorCTReports>12x</priorCTReports></personOrUserReported>"),
        ParseInput.MinimalReport(after: "<personOrUserReported><estimatedLocation><countryCode>XX</countryCode></estimatedLocation></personOrUserReported>"),
        ParseInput.MinimalReport(after: "<personOrUserReported><associatedAccount><screenName>x</screenName></associatedAccount></personOrUserReported>"),
        ParseInput.MinimalReport(after: "<victim><victimPerson><address><state>Punjab</state></address></victimPerson></victim>"),
        ParseInput.MinimalReport(after: "<victim><victimPerson><email type=\"Personal\">a@b.c</email></victimPerson></victim>"),
        "<report><reporter><reportingPerson/></reporter><incidentSummary><incidentType>Child Sex Tourism</incidentType><incidentDateTime>2024-01-01T00:00:00Z</incidentDateTime></incidentSummary></report>",
        "<report><batchedReport/><incidentSummary><incidentType>Child Sex Tourism</incidentType><incidentDateTime>2024-01-01T00:00:00Z</incidentDateTime></incidentSummary><reporter><reportingPerson/></reporter></report>",
    ];

    public static readonly TheoryData<string> FileDetailsVariants =
    [
        FullSchemaDocuments.FileDetails,
        "<fileDetails><reportId>1</reportId><fileId>f</fileId><industryClassification>C1</industryClassification></fileDetails>",
        "<fileDetails><reportId>1</reportId><fileId>f</fileId><fileRelevance>reported</fileRelevance></fileDetails>",
        "<fileDetails><reportId>1</reportId><fileId>f</fileId><potentialMeme>true</potentialMeme><fileAnnotations/></fileDetails>",
        "<fileDetails><reportId>1</reportId><fileId>f</fileId><potentialMeme>true</potentialMeme></fileDetails>",
        "<fileDetails><reportId>1</reportId><fileId>f</fileId><details/></fileDetails>",
        "<fileDetails><reportId>1</reportId><fileId>f</fileId><originalFileHash>abc</originalFileHash></fileDetails>",
        "<fileDetails><reportId>1</reportId><fileId>f</fileId><ipCaptureEvent><ipAddress>1</ipAddress></ipCaptureEvent><ipCaptureEvent><ipAddress>2</ipAddress></ipCaptureEvent></fileDetails>",
        "<fileDetails><fileId>f</fileId><reportId>1</reportId></fileDetails>",
        "<fileDetails><reportId>99999999999999999999</reportId><fileId>f</fileId></fileDetails>",
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_Sample_AgreesWithXsd(string sample)
    {
        var xml = File.ReadAllText(SharedFolder.Sample(sample));

        AssertAgreement(xml, xml.Contains("<fileDetails", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ReportVariants))]
    public void ReportParse_Variant_AgreesWithXsd(string xml) => AssertAgreement(xml, fileDetails: false);

    [Theory]
    [MemberData(nameof(FileDetailsVariants))]
    public void FileDetailsParse_Variant_AgreesWithXsd(string xml) => AssertAgreement(xml, fileDetails: true);

    private static void AssertAgreement(string xml, bool fileDetails)
    {
        var xsdErrors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value, XmlResolver = null };
        settings.ValidationEventHandler += (_, e) => xsdErrors.Add(e.Message);
        using (var reader = XmlReader.Create(new StringReader(xml), settings))
        {
            while (reader.Read())
            {
            }
        }

        string? parserError = null;
        try
        {
            _ = fileDetails ? (object)ParseInput.FileDetails(xml) : ParseInput.Report(xml);
        }
        catch (ReferralFormatException e)
        {
            parserError = e.Message;
        }

        Assert.True(
            (xsdErrors.Count == 0) == (parserError is null),
            $"XSD says [{string.Join(" | ", xsdErrors)}], parser says [{parserError ?? "valid"}]");
    }
}
