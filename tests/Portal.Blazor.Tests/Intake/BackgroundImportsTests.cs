using Dapper;
using Katalyst.Portal.Intake;
using Katalyst.Portal.Tests.Hosting;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.Intake;

/// <summary>A portal that takes uploads of at most 1 MiB.</summary>
public sealed class SmallUploadsPortalServer : PortalServer
{
    /// <summary>The upload limit.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>Creates (but does not start) the portal.</summary>
    public SmallUploadsPortalServer()
        : base(new Dictionary<string, string?> { ["Uploads:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) })
    {
    }
}

/// <summary>Uploads imported in the background by the portal's real importer over its SQLite store.</summary>
public sealed class BackgroundImportsTests(SmallUploadsPortalServer server) : IClassFixture<SmallUploadsPortalServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BackgroundImports Imports => server.Services.GetRequiredService<BackgroundImports>();

    [Fact]
    public async Task EnqueueAsync_GeneratedZip_ImportsEveryReferralWithTheCommandLinesWords()
    {
        using var zip = new GeneratedZip(6, 301);

        var job = await EnqueueAsync(zip.Path, "delivery.zip");
        await FinishedAsync(job);

        Assert.Equal(ImportJobState.Finished, job.State);
        Assert.Equal("Imported:           6", job.Lines[0]);
        Assert.Equal(6, job.Progress.Imported);
        var stored = await StoredIdsAsync(zip.ReportIds);
        Assert.Equal(zip.ReportIds, stored);
    }

    [Fact]
    public async Task EnqueueAsync_Upload_KeptAsReceivedAndReadOnly()
    {
        using var zip = new GeneratedZip(2, 302);

        var job = await EnqueueAsync(zip.Path, "kept.zip");
        await FinishedAsync(job);

        Assert.Equal(await File.ReadAllBytesAsync(zip.Path, Ct), await File.ReadAllBytesAsync(job.StoredPath, Ct));
        Assert.True(File.GetAttributes(job.StoredPath).HasFlag(FileAttributes.ReadOnly));
        Assert.EndsWith("-kept.zip", job.StoredPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnqueueAsync_BrokenPackage_OthersImportedAndTheRejectionNamesTheFile()
    {
        using var zip = new GeneratedZip(3, 303, packages =>
            File.WriteAllText(Path.Combine(Directory.GetDirectories(packages).Order(StringComparer.Ordinal).First(), "report.xml"), "<report>"));

        var job = await EnqueueAsync(zip.Path, "broken.zip");
        await FinishedAsync(job);

        Assert.Equal("Imported:           2", job.Lines[0]);
        var rejection = Assert.Single(job.Lines, l => l.StartsWith("REJECTED ", StringComparison.Ordinal));
        Assert.Contains("report.xml", rejection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnqueueAsync_NotAZip_RefusedNamingTheFile()
    {
        using var content = new MemoryStream([1, 2, 3]);

        var error = await Assert.ThrowsAsync<UploadRefusedException>(() => Imports.EnqueueAsync(content, "report.xml", "tester", Ct));

        Assert.Equal("report.xml is not a .zip: upload a package, or a batch of packages, zipped.", error.Message);
    }

    [Fact]
    public async Task EnqueueAsync_LargerThanAllowed_RefusedAndNothingKept()
    {
        var folder = Path.GetFullPath(server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<UploadOptions>>().Value.Path);
        var before = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
        using var content = new LengthOnlyStream(SmallUploadsPortalServer.MaxBytes + 1);

        var error = await Assert.ThrowsAsync<UploadRefusedException>(() => Imports.EnqueueAsync(content, "huge.zip", "tester", Ct));

        Assert.Equal("huge.zip is larger than the 1,048,576 bytes allowed (Uploads:MaxBytes).", error.Message);
        Assert.Equal(before, Directory.GetFiles(folder).Length);
    }

    private async Task<ImportJob> EnqueueAsync(string path, string name)
    {
        await using var content = File.OpenRead(path);
        return await Imports.EnqueueAsync(content, name, "tester", Ct);
    }

    private static async Task FinishedAsync(ImportJob job)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (job.State is ImportJobState.Queued or ImportJobState.Running)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), $"the import of {job.FileName} did not finish");
            await Task.Delay(50, Ct);
        }
    }

    private async Task<long[]> StoredIdsAsync(IReadOnlyList<long> ids)
    {
        await using var connection = await server.Services.GetRequiredService<StoreDataSource>().OpenAsync(Ct);
        var stored = await connection.QueryAsync<long>("SELECT report_id FROM referrals WHERE report_id IN @ids ORDER BY report_id", new { ids });
        return [.. stored];
    }

    // Reads as zeros up to a length, without holding them in memory.
    private sealed class LengthOnlyStream(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - position);
            Array.Clear(buffer, offset, read);
            position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
