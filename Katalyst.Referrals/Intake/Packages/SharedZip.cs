using System.IO.Compression;

namespace Katalyst.Referrals.Intake.Packages;

/// <summary>
/// A zip archive shared by the packages inside it. <see cref="ZipArchive"/> is not thread-safe, so one entry is
/// read at a time; the archive closes when the last package using it is disposed.
/// </summary>
internal sealed class SharedZip : IDisposable
{
    // Both are disposed by Return() when the last lease comes back, not by Dispose().
#pragma warning disable CA2213
    private readonly ZipArchive archive;
    private readonly SemaphoreSlim gate = new(1, 1);
#pragma warning restore CA2213
    private readonly IDisposable creatorLease;
    private int leases = 1;

    public SharedZip(string path)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
        }
        catch
        {
            stream.Dispose();
            throw;
        }

        creatorLease = new Release(this);
    }

    public IReadOnlyCollection<ZipArchiveEntry> Entries => archive.Entries;

    /// <summary>Takes a lease that keeps the archive open until it is disposed.</summary>
    public IDisposable Lease()
    {
        Interlocked.Increment(ref leases);
        return new Release(this);
    }

    /// <summary>Gives back the lease the creator holds; the archive closes once no package holds one either.</summary>
    public void Dispose() => creatorLease.Dispose();

    public Stream Open(ZipArchiveEntry entry)
    {
        gate.Wait();
        try
        {
            return new GatedStream(entry.Open(), gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    private void Return()
    {
        if (Interlocked.Decrement(ref leases) == 0)
        {
            archive.Dispose();
            gate.Dispose();
        }
    }

    private sealed class Release(SharedZip zip) : IDisposable
    {
        private int done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                zip.Return();
            }
        }
    }

    /// <summary>Holds the archive's gate until the entry stream is disposed.</summary>
    private sealed class GatedStream(Stream inner, SemaphoreSlim gate) : Stream
    {
        private int released;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override int Read(Span<byte> buffer) => inner.Read(buffer);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && Interlocked.Exchange(ref released, 1) == 0)
            {
                inner.Dispose();
                gate.Release();
            }

            base.Dispose(disposing);
        }
    }
}
