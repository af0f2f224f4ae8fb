using System.Text;
using Katalyst.Referrals.Intake.Parsing;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>Runs the parsers over strings and sample files.</summary>
internal static class ParseInput
{
    public const long Limit = ReportXmlParser.DefaultMaxCharacters;

    public static EspReport Report(string xml, long limit = Limit)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return ReportXmlParser.Parse(stream, "report.xml", limit);
    }

    public static FileDetails FileDetails(string xml, long limit = Limit)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return FileDetailsXmlParser.Parse(stream, "files/f1.xml", limit);
    }

    public static EspReport ReportSample(string name)
    {
        using var stream = File.OpenRead(SharedFolder.Sample(name));
        return ReportXmlParser.Parse(stream, name, Limit);
    }

    public static FileDetails FileDetailsSample(string name)
    {
        using var stream = File.OpenRead(SharedFolder.Sample(name));
        return FileDetailsXmlParser.Parse(stream, name, Limit);
    }

    /// <summary>A minimal valid report with <paramref name="summaryExtra"/> in incidentSummary and <paramref name="body"/> before the reporter.</summary>
    public static string MinimalReport(string incidentDateTime = "2024-01-15T14:30:00Z", string body = "", string after = "", string summaryExtra = "") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <report>
          <incidentSummary>
            <incidentType>Child Sex Trafficking</incidentType>{summaryExtra}
            <incidentDateTime>{incidentDateTime}</incidentDateTime>
          </incidentSummary>{body}
          <reporter><reportingPerson><email>a@example.com</email></reportingPerson></reporter>{after}
        </report>
        """;
}
