using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Katalyst.Portal.Tests.Referral;

/// <summary>
/// Two referral packages written by hand for the referral page's tests: one that fills every section of the schema
/// (synthetic, benign text in English, Urdu script and Roman Urdu) and one whose every free text carries markup and
/// script, to prove the page shows them as text.
/// </summary>
internal static class HandWrittenPackages
{
    /// <summary>The report number of the package that fills every section.</summary>
    public const long FullReportId = 77_000_001;

    /// <summary>The report number of the package whose texts carry markup and script.</summary>
    public const long MarkupReportId = 77_000_002;

    /// <summary>A report number the full package links to but that is never stored.</summary>
    public const long MissingRelatedId = 55_000_123;

    /// <summary>The script the markup package hides in its texts: it would set this window flag if it ran.</summary>
    public const string ScriptFlag = "__katalystInjected";

    /// <summary>The literal script text as it must appear on the page.</summary>
    public const string ScriptText = $"<script>window.{ScriptFlag} = true</script>";

    /// <summary>The literal bold markup as it must appear on the page.</summary>
    public const string BoldText = "<b>bold claim</b>";

    /// <summary>An Urdu message of the full package's chat.</summary>
    public const string UrduMessage = "کیا حال ہے؟ کل بات کرتے ہیں";

    /// <summary>Writes both packages into <paramref name="batchFolder"/>; the full one links to <paramref name="storedRelatedId"/>.</summary>
    public static void Write(string batchFolder, long storedRelatedId)
    {
        var full = Package(batchFolder, FullReportId, Manifest(FullReportId, $"[{storedRelatedId}, {MarkupReportId}, {MissingRelatedId}]"), FullReport);
        var unviewed = Bytes("unviewed file");
        File.WriteAllBytes(Path.Combine(full, "files", "f1.bin"), unviewed);
        File.WriteAllText(Path.Combine(full, "files", "f1.xml"), FileDetails(FullReportId, "f1", """
            <fileName>holiday-drawing.png</fileName>
            <originalFileName>IMG_0001.png</originalFileName>
            <fileViewedByEsp>false</fileViewedByEsp>
            <publiclyAvailable>true</publiclyAvailable>
            <fileAnnotations><generativeAi/><potentialMeme/></fileAnnotations>
            <industryClassification>B2</industryClassification>
            <originalFileHash hashType="MD5">00000000000000000000000000000000</originalFileHash>
            """));
        File.WriteAllText(Path.Combine(full, "files", "f2.xml"), FileDetails(FullReportId, "f2", """
            <fileName>screenshot.jpg</fileName>
            <fileViewedByEsp>true</fileViewedByEsp>
            """));

        var markup = Package(batchFolder, MarkupReportId, Manifest(MarkupReportId, "[]"), MarkupReport);
        File.WriteAllBytes(Path.Combine(markup, "files", "m1.bin"), Bytes("markup file"));
        File.WriteAllText(Path.Combine(markup, "files", "m1.xml"), FileDetails(MarkupReportId, "m1", $"""
            <fileName>{Escaped(ScriptText)}.png</fileName>
            <fileViewedByEsp>true</fileViewedByEsp>
            """));
    }

    /// <summary>The bytes that stand in for a file: deterministic, benign, not an image.</summary>
    public static byte[] Bytes(string seed) => [.. SHA256.HashData(Encoding.UTF8.GetBytes(seed)), .. Encoding.UTF8.GetBytes(seed)];

    private static string Package(string batchFolder, long reportId, string manifest, string report)
    {
        var folder = Path.Combine(batchFolder, reportId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest);
        File.WriteAllText(Path.Combine(folder, "report.xml"), report);
        return folder;
    }

    private static string Manifest(long reportId, string related) => $$"""
        { "reportId": {{reportId}}, "receivedAt": "2025-02-11T09:30:00Z", "reportType": "referral", "ncmecPriority": "1",
          "country": "PK",
          "geolocation": [ { "ip": "203.0.113.7", "country": "PK", "region": "Punjab", "city": "Lahore", "isp": "Example Net", "latitude": 31.5, "longitude": 74.3 } ],
          "relatedReports": {{related}} }
        """;

    private static string FileDetails(long reportId, string fileId, string body) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <fileDetails>
          <reportId>{reportId}</reportId>
          <fileId>{fileId}</fileId>
          {body}
        </fileDetails>
        """;

    private static string Escaped(string text) => System.Security.SecurityElement.Escape(text);

    private const string FullReport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <report>
          <incidentSummary>
            <incidentType>Online Enticement of Children for Sexual Acts</incidentType>
            <platform>Example Chat</platform>
            <escalateToHighPriority>The user proposed meeting the minor at a shopping mall tomorrow.</escalateToHighPriority>
            <reportAnnotations><sextortion/><csamSolicitation/></reportAnnotations>
            <incidentDateTime>2025-02-10T18:00:00Z</incidentDateTime>
            <incidentDateTimeDescription>Messages over one evening</incidentDateTimeDescription>
          </incidentSummary>
          <internetDetails>
            <chatImIncident>
              <chatClient>Example Chat</chatClient>
              <chatRoomName>direct messages</chatRoomName>
              <content>[2025-02-10 18:01] sky_rider_77: کیا حال ہے؟ کل بات کرتے ہیں
        [2025-02-10 18:03] guddu_12: theek hoon, ammi bula rahi hain
        [2025-02-10 18:05] sky_rider_77: kisi ko mat batana, ok?</content>
              <additionalInfo>Chat exported by the ESP's review tool.</additionalInfo>
            </chatImIncident>
          </internetDetails>
          <internetDetails>
            <webPageIncident thirdPartyHostedContent="false">
              <url>https://example.com/profile/sky_rider_77</url>
            </webPageIncident>
          </internetDetails>
          <lawEnforcement>
            <agencyName>Example Police Cyber Unit</agencyName>
            <caseNumber>EX-2025-0042</caseNumber>
            <reportedToLe>true</reportedToLe>
          </lawEnforcement>
          <reporter>
            <reportingPerson>
              <firstName>Trust and Safety</firstName>
              <lastName>Example Chat</lastName>
              <email>cybertip@examplechat.example</email>
            </reportingPerson>
            <companyTemplate>Example Chat reports every case of suspected enticement.</companyTemplate>
          </reporter>
          <personOrUserReported>
            <personOrUserReportedPerson>
              <firstName>Imran</firstName>
              <lastName>Testcase</lastName>
              <phone type="Mobile" verified="true" countryCallingCode="+92">03001234567</phone>
              <email verified="false">sky.rider@example.com</email>
              <address type="Home"><address>12 Example Road</address><city>Lahore</city><country>PK</country></address>
              <age>34</age>
              <dateOfBirth>1991-03-04</dateOfBirth>
            </personOrUserReportedPerson>
            <espIdentifier>uid-884422</espIdentifier>
            <espService>Example Chat</espService>
            <screenName>sky_rider_77</screenName>
            <displayName>Sky Rider</displayName>
            <profileUrl>https://example.com/u/sky_rider_77</profileUrl>
            <profileBio>زندگی خوبصورت ہے | Lahore</profileBio>
            <ipCaptureEvent><ipAddress>203.0.113.7</ipAddress><eventName>Login</eventName><dateTime>2025-02-10T17:55:00Z</dateTime><possibleProxy>false</possibleProxy><port>51234</port></ipCaptureEvent>
            <deviceId><idType>IMEI</idType><idValue>356938035643809</idValue><eventName>Login</eventName></deviceId>
            <priorCTReports>66000001</priorCTReports>
            <estimatedLocation verified="true"><city>Lahore</city><region>Punjab</region><countryCode>PK</countryCode></estimatedLocation>
            <associatedAccount type="Linked">
              <platform>Example Photos</platform>
              <screenName>sky_photos</screenName>
            </associatedAccount>
            <additionalInfo>Account created two weeks before the report.</additionalInfo>
          </personOrUserReported>
          <intendedRecipient>
            <screenName>guddu_12</screenName>
            <additionalInfo>Recipient of the messages.</additionalInfo>
          </intendedRecipient>
          <victim>
            <victimPerson>
              <firstName>Guddu</firstName>
              <age>13</age>
              <dateOfBirth>2011-06-01</dateOfBirth>
            </victimPerson>
            <screenName>guddu_12</screenName>
            <schoolName>Example Public School</schoolName>
          </victim>
          <additionalInfo>صارف نے بچی سے ملاقات کی بات کی۔</additionalInfo>
        </report>
        """;

    private static readonly string MarkupReport = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <report>
          <incidentSummary>
            <incidentType>Misleading Domain Name</incidentType>
            <escalateToHighPriority>{Escaped(BoldText)}</escalateToHighPriority>
            <incidentDateTime>2025-02-10T18:00:00Z</incidentDateTime>
          </incidentSummary>
          <internetDetails>
            <chatImIncident>
              <chatClient>{Escaped(BoldText)}</chatClient>
              <content>[2025-02-10 18:01] tester: {Escaped(ScriptText)}
        [2025-02-10 18:02] other: {Escaped("<img src=x onerror=\"window." + ScriptFlag + " = true\">")}</content>
            </chatImIncident>
          </internetDetails>
          <reporter>
            <reportingPerson><firstName>Trust and Safety</firstName><lastName>Example</lastName></reportingPerson>
          </reporter>
          <personOrUserReported>
            <screenName>{Escaped(BoldText)}</screenName>
            <profileBio>{Escaped(ScriptText)}</profileBio>
          </personOrUserReported>
          <additionalInfo>{Escaped(ScriptText)} {Escaped(BoldText)}</additionalInfo>
        </report>
        """;
}
