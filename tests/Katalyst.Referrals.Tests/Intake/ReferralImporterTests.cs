using System.Security.Cryptography;
using Dapper;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Tests.Store;

namespace Katalyst.Referrals.Tests.Intake;

public sealed class ReferralImporterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAsync_SinglePackage_StoresReferralFilesAndEvidenceAsReceived()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var folder = packages.Write(1001);

        var summary = await store.Importer().ImportAsync(folder, cancellationToken: Ct);

        Assert.Equal(1, summary.Imported);
        Assert.Empty(summary.Rejections);
        var original = await File.ReadAllBytesAsync(Path.Combine(folder, "files", "f1.bin"), Ct);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(original));
        Assert.Equal(original, await File.ReadAllBytesAsync(store.Evidence.PathOf(sha256), Ct));
        await using var connection = await store.DataSource.OpenAsync(Ct);
        var evidence = await connection.QuerySingleAsync<(string Md5, string Sha1, long Length)>(
            "SELECT md5, sha1, byte_length FROM evidence WHERE sha256 = @sha256", new { sha256 });
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(original)), evidence.Md5);
        Assert.Equal(Convert.ToHexStringLower(SHA1.HashData(original)), evidence.Sha1);
        Assert.Equal(original.Length, evidence.Length);
        var file = await connection.QuerySingleAsync<(string FileId, string BytesName, bool Mismatch)>(
            "SELECT file_id, bytes_name, esp_hash_mismatch FROM referral_files WHERE report_id = 1001");
        Assert.Equal(("f1", "f1.bin", false), file);
    }

    [Fact]
    public async Task ImportAsync_SameBatchTwice_SecondReportsDuplicatesAndChangesNothing()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        for (var id = 1; id <= 20; id++)
        {
            packages.Write(id);
        }

        var first = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);
        var before = await SnapshotAsync(store);
        var second = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        Assert.Equal(20, first.Imported);
        Assert.Equal(0, second.Imported);
        Assert.Equal(20, second.Duplicates);
        Assert.Equal(before, await SnapshotAsync(store));
    }

    [Fact]
    public async Task ImportAsync_SameReportIdDifferentContent_ReportsConflictAndKeepsStoredPackage()
    {
        await using var store = await TempStore.CreateAsync();
        var first = new PackageBuilder(Path.Combine(store.Folder, "a"));
        var second = new PackageBuilder(Path.Combine(store.Folder, "b"));
        first.Write(77);
        second.Write(77, report: PackageBuilder.ValidReport.Replace("Example Chat", "Other Chat", StringComparison.Ordinal));

        await store.Importer().ImportAsync(first.BatchFolder, cancellationToken: Ct);
        var summary = await store.Importer().ImportAsync(second.BatchFolder, cancellationToken: Ct);

        var conflict = Assert.Single(summary.Conflicts);
        Assert.Equal(77, conflict.ReportId);
        await using var connection = await store.DataSource.OpenAsync(Ct);
        Assert.Equal("Example Chat", await connection.ExecuteScalarAsync<string>("SELECT platform FROM referrals WHERE report_id = 77"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM intake_log WHERE outcome = 'conflict' AND report_id = 77"));
    }

    [Fact]
    public async Task ImportAsync_BatchWithOneBrokenPackage_ImportsTheRestAndNamesTheFault()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(1);
        var broken = packages.Write(2, report: PackageBuilder.ValidReport.Replace("2026-10-01T10:00:00Z", "yesterday", StringComparison.Ordinal));
        packages.Write(3);

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        Assert.Equal(2, summary.Imported);
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(broken, rejection.Package);
        Assert.Equal("report.xml", rejection.FileName);
        Assert.NotNull(rejection.LineNumber);
        Assert.Contains("incidentDateTime", rejection.Element, StringComparison.Ordinal);
        Assert.Contains("yesterday", rejection.Reason, StringComparison.Ordinal);
        await using var connection = await store.DataSource.OpenAsync(Ct);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM referrals WHERE report_id = 2"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM referral_files WHERE report_id = 2"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM intake_log WHERE outcome = 'rejected'"));
    }

    [Fact]
    public async Task ImportAsync_ExternalEntityToLocalFile_RejectedAndFileContentStoredNowhere()
    {
        await using var store = await TempStore.CreateAsync();
        var secretToken = "SECRET-" + Guid.NewGuid().ToString("N");
        var secretFile = Path.Combine(store.Folder, "secret.txt");
        await File.WriteAllTextAsync(secretFile, secretToken, Ct);
        var hostile = $"""
            <?xml version="1.0"?>
            <!DOCTYPE report [ <!ENTITY leak SYSTEM "file://{secretFile}"> ]>
            {PackageBuilder.ValidReport.Replace("Example Chat", "&leak;", StringComparison.Ordinal).Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "", StringComparison.Ordinal)}
            """;
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(66, report: hostile);

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.DoesNotContain(secretToken, rejection.ToString(), StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(store.Folder, "*", SearchOption.AllDirectories).Where(f => f != secretFile))
        {
            var text = System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file, Ct));
            Assert.DoesNotContain(secretToken, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportAsync_EspMd5DisagreesWithBytes_ImportedAndFlagged()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(5, espMd5: new string('0', 32));

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        Assert.Equal(1, summary.Imported);
        await using var connection = await store.DataSource.OpenAsync(Ct);
        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT esp_hash_mismatch FROM referral_files WHERE report_id = 5"));
    }

    [Fact]
    public async Task ImportAsync_ZipOfBatch_ImportsEveryPackage()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        for (var id = 10; id < 15; id++)
        {
            packages.Write(id);
        }

        var zip = Path.Combine(store.Folder, "batch.zip");
        packages.ZipTo(zip);

        var summary = await store.Importer().ImportAsync(zip, cancellationToken: Ct);

        Assert.Equal(5, summary.Imported);
        Assert.Empty(summary.Rejections);
    }

    [Fact]
    public async Task ImportAsync_BatchFolderOfFoldersAndZips_ImportsEveryPackage()
    {
        await using var store = await TempStore.CreateAsync();
        var zipped = new PackageBuilder(Path.Combine(store.Folder, "zipped"));
        zipped.Write(31);
        var batch = new PackageBuilder(Path.Combine(store.Folder, "batch"));
        batch.Write(32);
        batch.Write(33);
        zipped.ZipTo(Path.Combine(batch.BatchFolder, "package-31.zip"));

        var summary = await store.Importer().ImportAsync(batch.BatchFolder, cancellationToken: Ct);

        Assert.Equal(3, summary.Imported);
        Assert.Empty(summary.Rejections);
    }

    [Fact]
    public async Task ImportAsync_ZipOfOnePackageFolder_ImportsIt()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var folder = packages.Write(41);
        var zip = Path.Combine(store.Folder, "one.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(folder, zip, System.IO.Compression.CompressionLevel.Fastest, includeBaseDirectory: false);

        var summary = await store.Importer().ImportAsync(zip, cancellationToken: Ct);

        Assert.Equal(1, summary.Imported);
        var stored = await new Referrals.Store.ReferralQueries(store.DataSource).GetAsync(41, Ct);
        Assert.Equal("f1", Assert.Single(stored!.Files).FileId);
    }

    [Fact]
    public async Task ImportAsync_StoreRefusesAPackage_RejectsItAndGoesOn()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(51);
        packages.Write(52, withFile: false);
        await using (var connection = await store.DataSource.OpenAsync(Ct))
        {
            // A trigger stands in for any store fault: it refuses one package's file rows.
            await connection.ExecuteAsync("""
                CREATE TRIGGER refuse_51 BEFORE INSERT ON referral_files WHEN NEW.report_id = 51
                BEGIN SELECT RAISE(ABORT, 'refused for the test'); END
                """);
        }

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        Assert.Equal(1, summary.Imported);
        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal(51, rejection.ReportId);
        Assert.Contains("the store refused it", rejection.Reason, StringComparison.Ordinal);
        await using var check = await store.DataSource.OpenAsync(Ct);
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM referrals WHERE report_id = 51"));
        Assert.Equal(1, await check.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM referrals WHERE report_id = 52"));
    }

    [Fact]
    public async Task ImportAsync_ZipEntryEscapingThePackage_Rejected()
    {
        await using var store = await TempStore.CreateAsync();
        var zip = Path.Combine(store.Folder, "evil.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            WriteEntry(archive, "manifest.json", PackageBuilder.Manifest(9));
            WriteEntry(archive, "report.xml", PackageBuilder.ValidReport);
            WriteEntry(archive, "files/../../escaped.txt", "benign text");
        }

        var summary = await store.Importer().ImportAsync(zip, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Contains("escapes the package", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal(0, summary.Imported);
        Assert.False(File.Exists(Path.Combine(store.Folder, "escaped.txt")));
    }

    [Fact]
    public async Task ImportAsync_FileOverSizeLimit_RejectedNamingTheLimit()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(8);

        var summary = await store.Importer(new IntakeOptions { MaxFileBytes = 10 }).ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal("files/f1.bin", rejection.FileName);
        Assert.Contains("over the limit of 10", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_ManifestWithoutCountry_RejectionNamesTheField()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(4, manifest: """{ "reportId": 4, "receivedAt": "2026-10-02T08:00:00Z", "reportType": "referral" }""");

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal("manifest.json", rejection.FileName);
        Assert.Equal("country", rejection.Element);
    }

    [Fact]
    public async Task ImportAsync_FileDetailsForAnotherReport_Rejected()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var folder = packages.Write(12);
        await File.WriteAllTextAsync(Path.Combine(folder, "files", "f1.xml"), PackageBuilder.FileDetails(999, "f1"), Ct);

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Equal("files/f1.xml", rejection.FileName);
        Assert.Contains("999", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_SymbolicLinkInPackage_Rejected()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        var folder = packages.Write(13, withFile: false);
        var outside = Path.Combine(store.Folder, "outside.bin");
        await File.WriteAllTextAsync(outside, "outside the package", Ct);
        File.CreateSymbolicLink(Path.Combine(folder, "files", "f9.bin"), outside);

        var summary = await store.Importer().ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        var rejection = Assert.Single(summary.Rejections);
        Assert.Contains("symbolic link", rejection.Reason, StringComparison.Ordinal);
    }

    private static void WriteEntry(System.IO.Compression.ZipArchive archive, string name, string content)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(content);
    }

    private static async Task<string> SnapshotAsync(TempStore store)
    {
        await using var connection = await store.DataSource.OpenAsync(Ct);
        var referrals = await connection.QueryAsync<string>("SELECT report_id || '|' || package_sha256 || '|' || imported_at FROM referrals ORDER BY report_id");
        var files = await connection.QueryAsync<string>("SELECT report_id || '|' || file_id || '|' || IFNULL(sha256, '') FROM referral_files ORDER BY report_id, file_id");
        var evidence = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM evidence");
        var log = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM intake_log");
        var blobs = Directory.EnumerateFiles(store.EvidencePath, "*", SearchOption.AllDirectories).Count();
        return string.Join("\n", referrals.Concat(files)) + $"\nevidence={evidence} log={log} blobs={blobs}";
    }
}
