using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Dapper;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Parsing;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Tests.Intake;
using Katalyst.Referrals.Tests.Parsing;
using Katalyst.Referrals.Tests.Store;

namespace Katalyst.Referrals.Tests.Fuzzing;

/// <summary>The hostile inputs issue 8 names, each through the real importer into a real store.</summary>
public sealed class HostileInputCases
{
    private const string Injection = "'); DROP TABLE referrals; -- \" OR 1=1 -- <script>alert('x')</script> {{7*7}} ${7*7}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_ZipBomb_RefusedAtTheLimitWhileStreamingNothingKept()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var folder = packages.Write(601);
        var zip = Path.Combine(store.Folder, "bomb.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in new[] { "manifest.json", "report.xml", "files/f1.xml" })
            {
                archive.CreateEntryFromFile(Path.Combine(folder, file), file);
            }

            // 256 MiB of zeros: a few hundred KiB compressed.
            await using var bomb = await archive.CreateEntry("files/f1.bin", CompressionLevel.SmallestSize).OpenAsync(Ct);
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 256; i++)
            {
                await bomb.WriteAsync(zeros, Ct);
            }
        }

        Directory.Delete(packages.BatchFolder, recursive: true);
        var summary = await store.Importer(new IntakeOptions { MaxFileBytes = 16L << 20 }).ImportAsync(zip, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Contains("over the limit of 16,777,216", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(0, summary.Imported);
        Assert.DoesNotContain(Directory.EnumerateFiles(store.EvidencePath, "*", SearchOption.AllDirectories), f => new FileInfo(f).Length > 1 << 20);
    }

    [Fact]
    public async Task Import_ImageDeclaringBillionsOfPixels_RefusedByItsHeaderNamingThePixels()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var folder = packages.Write(602);
        File.Delete(Path.Combine(folder, "files", "f1.bin"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "files", "f1.png"), PngHeader(60_000, 60_000), Ct);
        await File.WriteAllTextAsync(Path.Combine(folder, "files", "f1.xml"), PackageBuilder.FileDetails(602, "f1"), Ct);

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Contains("the image has 3,600,000,000 pixels, over the limit", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.xml")]
    [InlineData("files/f1.xml")]
    [InlineData("manifest.json")]
    public async Task Import_InvalidUtf8_RefusedNamingTheDocument(string document)
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var path = Path.Combine(packages.Write(603), document);
        var bytes = await File.ReadAllBytesAsync(path, Ct);
        var at = Encoding.UTF8.GetString(bytes).IndexOf(document == "manifest.json" ? "PK" : "<reportId>", StringComparison.Ordinal);
        bytes[at + (document == "manifest.json" ? 0 : 1)] = 0xC3; // a lead byte ...
        bytes[at + (document == "manifest.json" ? 1 : 2)] = 0x28; // ... followed by a byte that cannot continue it
        await File.WriteAllBytesAsync(path, bytes, Ct);

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(document, rejection.FileName);
        Assert.Equal(0, summary.Imported);
    }

    [Fact]
    public async Task Import_HundredMegabyteTextField_RefusedNamingTheLimit()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var huge = PackageBuilder.ValidReport.Replace("</report>", "<additionalInfo>" + new string('a', 100_000_000) + "</additionalInfo></report>", StringComparison.Ordinal);
        packages.Write(604, huge);

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal("report.xml", rejection.FileName);
        Assert.Contains("over the limit of 67,108,864", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InjectionInEveryTextField_StoredVerbatimStoreIntact()
    {
        // Every text node the schema lets be free text takes the injection string; typed fields (dates, numbers,
        // enumerations) refuse it and keep their value.
        var document = XDocument.Parse(FullSchemaDocuments.Report);
        var replaced = 0;
        foreach (var text in document.DescendantNodes().OfType<XText>().Where(t => t.Value.Trim().Length > 0).ToList())
        {
            var before = text.Value;
            text.Value = Injection;
            if (Parses(document))
            {
                replaced++;
            }
            else
            {
                text.Value = before;
            }
        }

        Assert.True(replaced >= 40, $"only {replaced} text fields took free text");
        await using var store = await TempStore.CreateAsync();
        var tablesBefore = await TablesAsync(store);
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var xml = document.ToString(SaveOptions.DisableFormatting);
        packages.Write(605, xml, PackageBuilder.Manifest(605));

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        Assert.True(summary.Imported == 1, string.Join("; ", summary.Rejections));
        Assert.Equal(tablesBefore, await TablesAsync(store));
        var stored = (await new ReferralQueries(store.DataSource).GetAsync(605, Ct))!;
        Assert.Equal(Injection, stored.Report.AdditionalInfo);
        await using var connection = await store.DataSource.OpenAsync(Ct);
        Assert.Equal(xml, await connection.ExecuteScalarAsync<string>("SELECT report_xml FROM referrals WHERE report_id = 605"));
    }

    private static bool Parses(XDocument document)
    {
        try
        {
            ReportXmlParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(document.ToString(SaveOptions.DisableFormatting))), "report.xml", 1 << 22);
            return true;
        }
        catch (ReferralFormatException)
        {
            return false;
        }
    }

    private static async Task<List<string>> TablesAsync(TempStore store)
    {
        await using var connection = await store.DataSource.OpenAsync(Ct);
        return [.. await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")];
    }

    // The signature and an IHDR chunk declaring the size, with no pixel data: all a header reader needs.
    private static byte[] PngHeader(int width, int height)
    {
        var header = new byte[8 + 25];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 13);
        "IHDR"u8.CopyTo(header.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), height);
        header[24] = 8; // bit depth
        header[25] = 6; // RGBA
        return header;
    }
}
