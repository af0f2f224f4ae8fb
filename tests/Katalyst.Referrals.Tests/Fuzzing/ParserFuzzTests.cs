using System.Text;
using CsCheck;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Manifest;
using Katalyst.Referrals.Intake.Parsing;
using Katalyst.Referrals.Tests.Intake;
using Katalyst.Referrals.Tests.Parsing;
using Katalyst.Referrals.Tests.Store;

namespace Katalyst.Referrals.Tests.Fuzzing;

/// <summary>
/// Property-based fuzzing of every parser a package goes through (CsCheck): valid documents mutated at random (bytes
/// changed, inserted, removed; cut short) must either parse or be refused with <see cref="ReferralFormatException"/>
/// naming the file, never crash, hang or throw anything else. CI runs a bounded number of cases; a longer run is
/// `CsCheck_Time=600 dotnet test tests/Katalyst.Referrals.Tests --filter FullyQualifiedName~Fuzzing` (docs/security.md).
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Iterations = 1000;

    private static readonly Gen<(int Position, byte Value, int Operation)> Edit =
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[0, 3]);

    private static readonly Gen<(int Position, byte Value, int Operation)[]> Edits = Edit.Array[1, 12];

    [Fact]
    public void ReportXmlParser_MutatedReports_ParseOrRefuseNamingTheFile() =>
        Edits.Sample(edits =>
        {
            var bytes = Mutate(Encoding.UTF8.GetBytes(FullSchemaDocuments.Report), edits);
            RefusedAsFormatOnly("report.xml", () => ReportXmlParser.Parse(new MemoryStream(bytes), "report.xml", 1 << 22));
        }, iter: Iterations);

    [Fact]
    public void FileDetailsXmlParser_MutatedDocuments_ParseOrRefuseNamingTheFile() =>
        Edits.Sample(edits =>
        {
            var bytes = Mutate(Encoding.UTF8.GetBytes(FullSchemaDocuments.FileDetails), edits);
            RefusedAsFormatOnly("f1.xml", () => FileDetailsXmlParser.Parse(new MemoryStream(bytes), "f1.xml", 1 << 22));
        }, iter: Iterations);

    [Fact]
    public void ManifestParser_MutatedManifests_ParseOrRefuseNamingTheFile() =>
        Edits.Sample(edits =>
        {
            var manifest = """
                { "reportId": 7, "receivedAt": "2026-10-02T08:00:00Z", "reportType": "referral", "ncmecPriority": "2", "country": "PK",
                  "bundledCount": 3, "relatedReports": [1, 2],
                  "geolocation": [ { "ip": "39.32.0.2", "country": "PK", "region": "Punjab", "city": "Lahore", "isp": "Jazz", "latitude": 31.5, "longitude": 74.3 } ] }
                """;
            var bytes = Mutate(Encoding.UTF8.GetBytes(manifest), edits);
            RefusedAsFormatOnly("manifest.json", () => ManifestParser.Parse(bytes));
        }, iter: Iterations);

    [Fact]
    public void ImageHeader_RandomBytesAfterImageSignatures_NeverThrows() =>
        Gen.Select(Gen.Int[0, 4], Gen.Byte.Array[0, 600]).Sample((signature, tail) =>
        {
            byte[][] signatures = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8, 0xFF], "GIF89a"u8.ToArray(), "BM"u8.ToArray(), "RIFF\0\0\0\0WEBP"u8.ToArray()];
            var dimensions = ImageHeader.Dimensions(new MemoryStream([.. signatures[signature], .. tail]));
            return dimensions is null || (dimensions.Value.Width >= 0 && dimensions.Value.Height >= 0);
        }, iter: Iterations);

    [Fact]
    public async Task Importer_MutatedZipPackages_EachImportedOrRejectedNeverCrashes()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "valid"));
        packages.Write(501);
        var zip = Path.Combine(store.Folder, "valid.zip");
        packages.ZipTo(zip);
        var original = await File.ReadAllBytesAsync(zip, TestContext.Current.CancellationToken);
        var importer = store.Importer(new IntakeOptions { MaxFileBytes = 1 << 20, MaxXmlBytes = 1 << 20 });
        var run = 0;

        // The store and the evidence folder are real, so fewer cases than the in-memory parsers.
        await Edits.SampleAsync(async edits =>
        {
            var folder = Path.Combine(store.Folder, "fuzz", $"{Interlocked.Increment(ref run)}");
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, "package.zip"), Mutate(original, edits));
            var summary = await importer.ImportAsync(folder);
            return summary.Imported + summary.Duplicates + summary.Conflicts.Count + summary.Rejections.Count + summary.SkippedFiles.Count >= 1;
        }, iter: 30, threads: 1);
    }

    internal static byte[] Mutate(byte[] original, (int Position, byte Value, int Operation)[] edits)
    {
        var bytes = new List<byte>(original);
        foreach (var (position, value, operation) in edits)
        {
            var at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (operation)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at); // cut short
                    break;
            }
        }

        return [.. bytes];
    }

    private static void RefusedAsFormatOnly(string fileName, Action parse)
    {
        try
        {
            parse();
        }
        catch (ReferralFormatException ex)
        {
            Assert.Contains(fileName, ex.Message, StringComparison.Ordinal);
        }
    }
}
