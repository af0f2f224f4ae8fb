using System.Text;
using System.Text.Json;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Parsing;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>Nothing the ESP sent is lost: unknown elements, attributes and non-Latin text survive.</summary>
public sealed class PreservationTests
{
    [Fact]
    public void ReportParse_UnknownElementsAndAttributes_KeptWithPathAndRawXml()
    {
        var xml = ParseInput.MinimalReport(
            body: "\n<futureSection level=\"2\"><note>kept</note></futureSection>",
            after: "<victim><victimPerson newAttr=\"x\"><firstName>A</firstName><pronouns>they</pronouns></victimPerson></victim>");

        var report = ParseInput.Report(xml);

        Assert.Equal(
            [
                new UnknownElement("report/futureSection", "<futureSection level=\"2\"><note>kept</note></futureSection>"),
                new UnknownElement("report/victim/victimPerson/@newAttr", "newAttr=\"x\""),
                new UnknownElement("report/victim/victimPerson/pronouns", "<pronouns>they</pronouns>"),
            ],
            report.UnknownElements);
        Assert.Equal("A", report.Victims[0].Person.FirstName);
    }

    [Fact]
    public void ReportParse_UrduScriptText_RoundTripsExactly()
    {
        const string Urdu = "یہ ایک مصنوعی جانچ کا پیغام ہے، کوئی حقیقی مواد نہیں۔";
        const string RomanUrdu = "yeh sirf aik farzi test paigham hai";
        var xml = ParseInput.MinimalReport(
            summaryExtra: $"<escalateToHighPriority>{Urdu}</escalateToHighPriority>",
            body: $"<internetDetails><chatImIncident><chatRoomName>کمرہ</chatRoomName><content>{Urdu}\n{RomanUrdu}</content></chatImIncident></internetDetails>",
            after: $"<personOrUserReported><screenName>صارف_۱۲</screenName><profileBio>{Urdu}</profileBio></personOrUserReported>");

        var report = ParseInput.Report(xml);

        Assert.Equal(Urdu, report.IncidentSummary.EscalateToHighPriority);
        var chat = Assert.IsType<ChatImIncident>(report.InternetDetails[0]);
        Assert.Equal($"{Urdu}\n{RomanUrdu}", chat.Content);
        Assert.Equal("کمرہ", chat.ChatRoomName);
        Assert.Equal("صارف_۱۲", report.PersonsOrUsersReported[0].Account.ScreenName);
        Assert.Equal(Urdu, report.PersonsOrUsersReported[0].Account.ProfileBio);
    }

    [Fact]
    public void ReportParse_Utf16WithByteOrderMark_Read()
    {
        const string Urdu = "مصنوعی";
        var xml = ParseInput.MinimalReport(after: $"<additionalInfo>{Urdu}</additionalInfo>").Replace("UTF-8", "UTF-16", StringComparison.Ordinal);
        using var stream = new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(xml)]);

        var report = ReportXmlParser.Parse(stream, "report.xml", ParseInput.Limit);

        Assert.Equal(Urdu, report.AdditionalInfo);
    }

    [Fact]
    public void ReportParse_CdataAndEntitiesInText_Decoded()
    {
        var xml = ParseInput.MinimalReport(after: "<additionalInfo><![CDATA[<b>raw</b>]]> &amp; &#x6C1;</additionalInfo>");

        Assert.Equal("<b>raw</b> & ہ", ParseInput.Report(xml).AdditionalInfo);
    }

    [Fact]
    public void ReportParse_LeadingBlankLines_SkippedAndLinesStillTrue()
    {
        var xml = "\n\n" + ParseInput.MinimalReport("not-a-date");

        var error = Assert.Throws<ReferralFormatException>(() => ParseInput.Report(xml));

        Assert.Equal(7, error.LineNumber);
    }

    [Fact]
    public void EspReport_JsonRoundTrip_KeepsEveryValue()
    {
        var report = ParseInput.ReportSample("Johannes-Andersen_CyberTipline-Tools_snapshot-report-all-fields.xml");

        var json = JsonSerializer.Serialize(report);
        var again = JsonSerializer.Deserialize<EspReport>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(again));
        Assert.IsType<ChatImIncident>(again.InternetDetails[3]);
    }
}
