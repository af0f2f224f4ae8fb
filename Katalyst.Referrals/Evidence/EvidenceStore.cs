using System.Security.Cryptography;

namespace Katalyst.Referrals.Evidence;

/// <summary>
/// Evidence bytes as received, addressed by SHA-256 under <c>root/ab/cd/&lt;sha256&gt;</c>. Bytes are written once
/// through a temporary file and moved into place; an address that already exists is never rewritten.
/// </summary>
public sealed class EvidenceStore
{
    private const int BufferSize = 1 << 16;
    private readonly string root;

    /// <summary>
    /// Creates a store rooted at <paramref name="root"/> (created when missing), and removes the partial temporary
    /// files that processes which died while writing (a crash, a kill) left behind.
    /// </summary>
    public EvidenceStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        this.root = Path.GetFullPath(root);
        Directory.CreateDirectory(TempFolder);
        RemoveAbandonedTemporaryFiles();
    }

    private string TempFolder => Path.Combine(root, "tmp");

    /// <summary>
    /// Deletes temporary files whose writing process is no longer running (each temporary name starts with its
    /// writer's process id), and any older than a day whatever their name. Stored evidence is never touched.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public int RemoveAbandonedTemporaryFiles()
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(TempFolder))
        {
            var name = Path.GetFileName(file);
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var owner = dot > 0 && int.TryParse(name.AsSpan(0, dot), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) ? pid : (int?)null;
            var abandoned = owner is null || !IsRunning(owner.Value) || File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddDays(-1);
            if (abandoned && owner != Environment.ProcessId)
            {
                try
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                    File.Delete(file);
                    removed++;
                }
                catch (IOException)
                {
                    // Gone already, or another process is sweeping too.
                }
            }
        }

        return removed;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The full path where the bytes with this SHA-256 live.</summary>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{sha256}' is not a lower-case SHA-256.", nameof(sha256));
        }

        return Path.Combine(root, sha256[..2], sha256[2..4], sha256);
    }

    /// <summary>
    /// Copies <paramref name="source"/> into the store while hashing it; refuses (and keeps nothing of) a
    /// stream longer than <paramref name="maxBytes"/>.
    /// </summary>
    public async Task<EvidenceHashes> AddAsync(Stream source, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        // The writer's process id leads the name, so a later store can tell an abandoned file from one being written.
        var temp = Path.Combine(TempFolder, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Environment.ProcessId}.{Guid.NewGuid():N}"));
        try
        {
            EvidenceHashes hashes;
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                hashes = await CopyAndHashAsync(source, target, maxBytes, cancellationToken);
            }

            var final = PathOf(hashes.Sha256);
            if (File.Exists(final))
            {
                File.Delete(temp);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(final)!);
                File.SetAttributes(temp, FileAttributes.ReadOnly);
                try
                {
                    File.Move(temp, final, overwrite: false);
                }
                catch (IOException) when (File.Exists(final))
                {
                    // Another import stored the same bytes first: identical content, nothing to do.
                    File.SetAttributes(temp, FileAttributes.Normal);
                    File.Delete(temp);
                }
            }

            return hashes;
        }
        catch
        {
            if (File.Exists(temp))
            {
                File.SetAttributes(temp, FileAttributes.Normal);
                File.Delete(temp);
            }

            throw;
        }
    }

    /// <summary>
    /// Deletes the bytes with this SHA-256; only for bytes the caller has checked no stored referral refers to (an
    /// import's leftovers from a package it did not store). Evidence of a stored referral is never removed.
    /// </summary>
    /// <returns>True when bytes were there and were deleted.</returns>
    public bool RemoveUnreferenced(string sha256)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return false;
        }

        File.SetAttributes(path, FileAttributes.Normal);
        File.Delete(path);
        return true;
    }

    /// <summary>Opens stored bytes for reading.</summary>
    public Stream OpenRead(string sha256) =>
        new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);

    /// <summary>Hashes a stream in one pass, copying it to <paramref name="target"/> when given.</summary>
    public static async Task<EvidenceHashes> CopyAndHashAsync(Stream source, Stream? target, long maxBytes, CancellationToken cancellationToken)
    {
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        var buffer = new byte[BufferSize];
        long length = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            length += read;
            if (length > maxBytes)
            {
                throw new EvidenceTooLargeException(maxBytes);
            }

            var chunk = buffer.AsSpan(0, read);
            sha256.AppendData(chunk);
            md5.AppendData(chunk);
            sha1.AppendData(chunk);
            if (target is not null)
            {
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        return new EvidenceHashes(
            Convert.ToHexStringLower(sha256.GetHashAndReset()),
            Convert.ToHexStringLower(md5.GetHashAndReset()),
            Convert.ToHexStringLower(sha1.GetHashAndReset()),
            length);
    }
}

/// <summary>A file is larger than the configured limit.</summary>
public sealed class EvidenceTooLargeException(long maxBytes)
    : Exception($"the file is larger than the limit of {maxBytes:N0} bytes")
{
    /// <summary>The limit that was exceeded.</summary>
    public long MaxBytes { get; } = maxBytes;
}
