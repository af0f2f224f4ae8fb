using System.Globalization;
using System.Xml.Linq;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Tests.Parsing;
using Katalyst.Referrals.Tests.Store;

namespace Katalyst.Referrals.Tests.Intake;

/// <summary>
/// Every sample document, wrapped in a package as <c>shared/spec/samples/EXPECTED.md</c> says, through the whole
/// importer into a real SQLite store: importable ones must be stored with every field readable back from the store,
/// rejected ones must name the element and reason, and leave nothing stored.
/// </summary>
public sealed class SampleImportTests
{
    private const long WrapperReportId = 424242;

    public static TheoryData<string> ImportableReports => SampleDocumentTests.ImportableReports;

    public static TheoryData<string> ImportableFileDetails => SampleDocumentTests.ImportableFileDetails;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ImportableReports))]
    public async Task Import_ReportSample_StoredWithEveryFieldReadable(string sample)
    {
        await using var store = await TempStore.CreateAsync();
        var package = WritePackage(store, WrapperReportId, File.ReadAllBytes(SharedFolder.Sample(sample)), details: null);

        var summary = await store.Importer().ImportAsync(package, cancellationToken: Ct);

        Assert.True(summary.Imported == 1, string.Join("\n", summary.Rejections));
        var stored = await new ReferralQueries(store.DataSource).GetAsync(WrapperReportId, Ct);
        Assert.NotNull(stored);
        ModelValues.AssertCovers(XDocument.Load(SharedFolder.Sample(sample)), stored.Report, sample);
        Assert.Equal(XDocument.Load(SharedFolder.Sample(sample)).ToString(), XDocument.Parse(stored.ReportXml).ToString());
    }

    [Theory]
    [MemberData(nameof(ImportableFileDetails))]
    public async Task Import_FileDetailsSample_StoredWithEveryFieldReadable(string sample)
    {
        await using var store = await TempStore.CreateAsync();
        var document = XDocument.Load(SharedFolder.Sample(sample));
        var reportId = long.Parse(document.Root!.Element("reportId")!.Value, CultureInfo.InvariantCulture);
        var fileId = document.Root.Element("fileId")!.Value;
        var package = WritePackage(store, reportId, PackageBuilderReport(), (fileId, File.ReadAllBytes(SharedFolder.Sample(sample))));

        var summary = await store.Importer().ImportAsync(package, cancellationToken: Ct);

        Assert.True(summary.Imported == 1, string.Join("\n", summary.Rejections));
        var stored = await new ReferralQueries(store.DataSource).GetAsync(reportId, Ct);
        var file = Assert.Single(stored!.Files);
        Assert.Equal(fileId, file.FileId);
        ModelValues.AssertCovers(document, file.Details!, sample);
    }

    [Theory]
    [InlineData("Johannes-Andersen_CyberTipline-Tools_snapshot-report-required-fields.xml", "incidentType", "is not one of")]
    [InlineData("LumeWeb_ncmec_test-invalid-timestamp-report.xml", "incidentDateTime", "xs:dateTime")]
    [InlineData("LumeWeb_ncmec_test-malformed-report.xml", null, "not well-formed XML")]
    [InlineData("akshayjava_CyberTip-triage_test-invented-CyberTiplineReport.xml", null, "wrong root element")]
    public async Task Import_InvalidReportSample_RejectedNamingElementAndReasonAndNothingStored(string sample, string? element, string reason)
    {
        await using var store = await TempStore.CreateAsync();
        var package = WritePackage(store, WrapperReportId, File.ReadAllBytes(SharedFolder.Sample(sample)), details: null);

        var summary = await store.Importer().ImportAsync(package, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal("report.xml", rejection.FileName);
        Assert.NotNull(rejection.LineNumber);
        Assert.Contains(reason, rejection.Reason, StringComparison.Ordinal);
        if (element is not null)
        {
            Assert.EndsWith(element, rejection.Element, StringComparison.Ordinal);
        }

        Assert.Equal(0, await new ReferralQueries(store.DataSource).CountAsync(Ct));
    }

    [Fact]
    public async Task Import_FileDetailsWithoutFileId_RejectedNamingFileIdAndNothingStored()
    {
        const string sample = "LumeWeb_ncmec_test-invalid-fileDetails-missing-fileId.xml";
        await using var store = await TempStore.CreateAsync();
        var package = WritePackage(store, 4564654, PackageBuilderReport(), ("mypic", File.ReadAllBytes(SharedFolder.Sample(sample))));

        var summary = await store.Importer().ImportAsync(package, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal("files/mypic.xml", rejection.FileName);
        Assert.Contains("fileId", rejection.Element ?? rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await new ReferralQueries(store.DataSource).CountAsync(Ct));
    }

    private static byte[] PackageBuilderReport() => System.Text.Encoding.UTF8.GetBytes(PackageBuilder.ValidReport);

    private static string WritePackage(TempStore store, long reportId, byte[] report, (string FileId, byte[] Xml)? details)
    {
        var folder = Path.Combine(store.Folder, "in", reportId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), PackageBuilder.Manifest(reportId));
        File.WriteAllBytes(Path.Combine(folder, "report.xml"), report);
        if (details is { } file)
        {
            File.WriteAllBytes(Path.Combine(folder, "files", file.FileId + ".xml"), file.Xml);
        }

        return folder;
    }
}
