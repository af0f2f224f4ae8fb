using System.Text;
using Katalyst.Referrals.Intake;

namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>DTDs, entities and size bombs are refused before anything is read from them.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void ReportParse_ExternalEntity_RefusedWithoutReadingTarget()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"katalyst-xxe-{Guid.NewGuid():N}.txt");
        const string Secret = "SECRET-CONTENT-THAT-MUST-NOT-LEAK";
        File.WriteAllText(secretFile, Secret);
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE report [<!ENTITY x SYSTEM "file://{secretFile}">]>
                <report><incidentSummary><incidentType>&x;</incidentType></incidentSummary></report>
                """;

            var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(xml));

            Assert.Contains("DTD", error.Reason, StringComparison.Ordinal);
            Assert.Equal(2, error.LineNumber);
            Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public void ReportParse_EtcHostnameEntity_RefusedAndHostnameNotInMessage()
    {
        const string Xml = """
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>
            <report>&x;</report>
            """;
        var hostname = File.Exists("/etc/hostname") ? File.ReadAllText("/etc/hostname").Trim() : Environment.MachineName;

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(Xml));

        Assert.Equal("a DTD (<!DOCTYPE>) is not allowed: DTDs and entities are refused", error.Reason);
        Assert.DoesNotContain(hostname, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileDetailsParse_BillionLaughs_RefusedQuickly()
    {
        var xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            xml.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : i - 1)};", 10))}\">\n");
        }

        xml.Append("]>\n<fileDetails><reportId>1</reportId><fileId>&lol9;</fileId></fileDetails>");
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.FileDetails(xml.ToString()));

        Assert.Contains("DTD", error.Reason, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public void ReportParse_LargerThanLimit_RefusedNamingLimit()
    {
        var xml = ParseInput.MinimalReport(after: $"<additionalInfo>{new string('x', 10_000)}</additionalInfo>");

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(xml, limit: 5_000));

        Assert.Equal("the document is larger than the limit of 5,000 characters", error.Reason);
    }

    [Fact]
    public void ReportParse_WithinLimit_Accepted()
    {
        var xml = ParseInput.MinimalReport();

        var report = ParseInput.Report(xml, limit: xml.Length + 10);

        Assert.Equal("a@example.com", report.Reporter.ReportingPerson.Emails[0].Value);
    }

    [Fact]
    public void ReportParse_NotWellFormed_GivesLineAndPosition()
    {
        const string Xml = "<report>\n<incidentSummary>\n<incidentType>x</incidentTyp>\n</incidentSummary></report>";

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(Xml));

        Assert.StartsWith("not well-formed XML: ", error.Reason, StringComparison.Ordinal);
        Assert.Equal(3, error.LineNumber);
        Assert.NotNull(error.LinePosition);
        Assert.DoesNotContain("Line 3, position", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_EmptyStream_RefusedAsNotWellFormed()
    {
        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(string.Empty));

        Assert.StartsWith("not well-formed XML", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportParse_ZeroLimit_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ParseInput.Report(ParseInput.MinimalReport(), limit: 0));
    }
}
