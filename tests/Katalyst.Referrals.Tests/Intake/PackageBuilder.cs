using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Katalyst.Referrals.Tests.Intake;

/// <summary>Writes small, valid referral packages (benign text, code-made bytes) into a batch folder for intake tests.</summary>
internal sealed class PackageBuilder(string batchFolder)
{
    public const string ValidReport = """
        <?xml version="1.0" encoding="UTF-8"?>
        <report>
          <incidentSummary>
            <incidentType>Child Pornography (possession, manufacture, and distribution)</incidentType>
            <platform>Example Chat</platform>
            <incidentDateTime>2026-10-01T10:00:00Z</incidentDateTime>
          </incidentSummary>
          <reporter>
            <reportingPerson>
              <firstName>Test</firstName>
              <lastName>Reporter</lastName>
              <email>safety@example.com</email>
            </reportingPerson>
          </reporter>
          <personOrUserReported>
            <screenName>user_123</screenName>
            <profileBio>Photography fan. Mujhe tasveer bhejo.</profileBio>
          </personOrUserReported>
        </report>
        """;

    public string BatchFolder { get; } = batchFolder;

    public static string Manifest(long reportId, string receivedAt = "2026-10-02T08:00:00Z", string reportType = "referral") => $$"""
        { "reportId": {{reportId}}, "receivedAt": "{{receivedAt}}", "reportType": "{{reportType}}", "ncmecPriority": "3", "country": "PK" }
        """;

    public static string FileDetails(long reportId, string fileId, string? md5 = null) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <fileDetails>
          <reportId>{reportId}</reportId>
          <fileId>{fileId}</fileId>
          <originalFileName>{fileId}.png</originalFileName>
          <fileViewedByEsp>true</fileViewedByEsp>
          {(md5 is null ? "" : $"<originalFileHash hashType=\"MD5\">{md5}</originalFileHash>")}
        </fileDetails>
        """;

    /// <summary>Bytes that stand in for an image: deterministic, benign, not an image format.</summary>
    public static byte[] Bytes(string seed) => SHA256.HashData(Encoding.UTF8.GetBytes(seed)).Concat(Encoding.UTF8.GetBytes(seed)).ToArray();

    /// <summary>Writes a package with one file (details and bytes) and returns its folder.</summary>
    public string Write(long reportId, string? report = null, string? manifest = null, bool withFile = true, string? espMd5 = null)
    {
        var folder = Path.Combine(BatchFolder, reportId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest ?? Manifest(reportId));
        File.WriteAllText(Path.Combine(folder, "report.xml"), report ?? ValidReport);
        if (withFile)
        {
            var bytes = Bytes($"file-of-{reportId}");
            File.WriteAllBytes(Path.Combine(folder, "files", "f1.bin"), bytes);
            File.WriteAllText(Path.Combine(folder, "files", "f1.xml"),
                FileDetails(reportId, "f1", espMd5 ?? Convert.ToHexStringLower(MD5.HashData(bytes))));
        }

        return folder;
    }

    /// <summary>Zips the whole batch folder into <paramref name="zipPath"/>.</summary>
    public void ZipTo(string zipPath) => ZipFile.CreateFromDirectory(BatchFolder, zipPath, CompressionLevel.Fastest, includeBaseDirectory: false);
}
