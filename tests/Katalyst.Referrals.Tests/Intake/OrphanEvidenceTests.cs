using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Tests.Store;

namespace Katalyst.Referrals.Tests.Intake;

/// <summary>Bytes stored for a package that is then rejected do not stay behind unless a stored referral refers to them.</summary>
public sealed class OrphanEvidenceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly IntakeOptions SmallFiles = new() { MaxFileBytes = 1000 };

    // A package whose files/f1.bin (small, stored first) is followed by files/z.bin, over the size limit: rejected
    // after f1's bytes are already in the evidence store.
    private static void WriteRejectedAfterBytes(PackageBuilder packages, long reportId)
    {
        var folder = packages.Write(reportId);
        File.WriteAllBytes(Path.Combine(folder, "files", "z.bin"), new byte[5000]);
    }

    private static void AddFile(string folder, long reportId, string fileId, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(folder, "files", fileId + ".bin"), bytes);
        File.WriteAllText(Path.Combine(folder, "files", fileId + ".xml"), PackageBuilder.FileDetails(reportId, fileId, Convert.ToHexStringLower(MD5.HashData(bytes))));
    }

    private static string Sha256Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [Fact]
    public async Task ImportAsync_RejectedAfterBytesStored_TheirBytesRemoved()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        WriteRejectedAfterBytes(packages, 31);

        var summary = await store.Importer(SmallFiles).ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        Assert.Equal("files/z.bin", Assert.Single(summary.Rejections).FileName);
        Assert.False(File.Exists(store.Evidence.PathOf(Sha256Of(PackageBuilder.Bytes("file-of-31")))), "the rejected package's f1 bytes were left behind");
        var temp = Path.Combine(store.EvidencePath, "tmp") + Path.DirectorySeparatorChar;
        Assert.DoesNotContain(Directory.EnumerateFiles(store.EvidencePath, "*", SearchOption.AllDirectories), f => !f.StartsWith(temp, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ImportAsync_RejectedPackageSharesBytesWithAStoredOne_SharedBytesKept()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        WriteRejectedAfterBytes(packages, 31);
        var shared = PackageBuilder.Bytes("file-of-31");
        AddFile(packages.Write(32), 32, "f2", shared);

        var summary = await store.Importer(SmallFiles).ImportAsync(packages.BatchFolder, cancellationToken: Ct);

        Assert.Equal((1, 1), (summary.Imported, summary.Rejections.Count));
        var path = store.Evidence.PathOf(Sha256Of(shared));
        Assert.True(File.Exists(path), "bytes a stored referral refers to were removed");
        Assert.Equal(shared, await File.ReadAllBytesAsync(path, Ct));
        Assert.True(File.Exists(store.Evidence.PathOf(Sha256Of(PackageBuilder.Bytes(string.Create(CultureInfo.InvariantCulture, $"file-of-{32}"))))));
    }

    [Fact]
    public async Task WriteAsync_BytesRemovedAfterReading_RefusedAndNothingStored()
    {
        await using var store = await TempStore.CreateAsync();
        var packages = new PackageBuilder(Path.Combine(store.Folder, "in"));
        packages.Write(41);
        var reader = new PackageReader(store.Evidence, new IntakeOptions());
        using var package = Katalyst.Referrals.Intake.Packages.PackageSource.Enumerate(packages.BatchFolder).Single();
        var outcome = await reader.ReadAsync(package, Ct);
        var bytes = store.Evidence.PathOf(Sha256Of(PackageBuilder.Bytes("file-of-41")));
        File.Delete(bytes); // what another import's clean-up of the same bytes would do between reading and writing

        await using var connection = await store.DataSource.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        var refused = await Assert.ThrowsAsync<EvidenceVanishedException>(
            () => ReferralWriter.WriteAsync(connection, transaction, outcome.Referral!, Ct, evidence: store.Evidence));
        await transaction.CommitAsync(Ct);

        Assert.Contains("removed from the evidence store by another import's clean-up", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referrals"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referral_files"));
    }

    [Fact]
    public async Task RemoveAsync_AnotherWriterHoldsTheStore_WaitsForItThenRemoves()
    {
        await using var store = await TempStore.CreateAsync();
        var sha256 = await StoreLooseBytesAsync(store, [1, 2, 3]);
        await using var writer = await store.DataSource.OpenAsync(Ct);
        var open = await writer.BeginTransactionAsync(Ct);

        // On a thread of its own: Microsoft.Data.Sqlite waits for the lock synchronously.
        var cleaning = Task.Run(() => OrphanEvidence.RemoveAsync(store.DataSource, store.Evidence, [sha256], Ct), Ct);
        await Task.Delay(700, Ct);
        var presentWhileWriting = File.Exists(store.Evidence.PathOf(sha256));
        await open.RollbackAsync(Ct);
        await open.DisposeAsync();
        var removed = await cleaning;

        Assert.True(presentWhileWriting, "the clean-up removed bytes while another import's write transaction was open");
        Assert.Equal(1, removed);
        Assert.False(File.Exists(store.Evidence.PathOf(sha256)));
    }

    private static async Task<string> StoreLooseBytesAsync(TempStore store, byte[] bytes)
    {
        using var source = new MemoryStream(bytes);
        var hashes = await store.Evidence.AddAsync(source, 1000, Ct);
        return hashes.Sha256;
    }
}
