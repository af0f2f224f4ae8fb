using System.Security.Cryptography;
using Katalyst.Media.HashSets;
using Katalyst.Media.Matching;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Katalyst.Inference.HashSets;

/// <summary>One whole version of the sets: the indexed enabled sets, the manifest they came from and when.</summary>
public sealed record HashSetsVersion(KnownHashMatcher Matcher, string ManifestSha256, DateTimeOffset LoadedAt);

/// <summary>
/// The hash-set folder's sets, indexed: loaded at start-up (a bad manifest or set file fails the start), and loaded
/// again in the background whenever <c>manifest.json</c> changes. The new version is built whole, then swapped in
/// with one reference write, so a match never sees a half-loaded set; a bad change is refused and logged and the
/// version in force stays.
/// </summary>
public sealed partial class LoadedHashSets : IDisposable
{
    private readonly HashSetFolder folder;
    private readonly TimeProvider time;
    private readonly ILogger<LoadedHashSets> logger;
    private readonly PhysicalFileProvider watched;
    private readonly IDisposable watching;
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile HashSetsVersion current;

    /// <summary>Loads the sets in <see cref="HashSetsOptions.Path"/> (creating the folder when missing) and starts watching its manifest.</summary>
    /// <exception cref="InvalidDataException">The manifest or a set file is bad; the message names it.</exception>
    public LoadedHashSets(IOptions<HashSetsOptions> options, TimeProvider time, ILogger<LoadedHashSets> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        folder = new HashSetFolder(options.Value.Path);
        Directory.CreateDirectory(folder.Path);
        this.time = time;
        this.logger = logger;
        current = Load();
        LogLoaded(current.Matcher.Sets.Count, current.Matcher.Manifest.Sets.Count, folder.Path);
        watched = new PhysicalFileProvider(folder.Path);
        watching = ChangeToken.OnChange(() => watched.Watch(HashSetManifest.FileName), () => _ = ReloadAsync());
    }

    /// <summary>The version in force; read it once per request.</summary>
    public HashSetsVersion Current => current;

    /// <summary>The folder.</summary>
    public string FolderPath => folder.Path;

    /// <summary>Loads the folder again if its manifest changed since the version in force (what a change on disk triggers).</summary>
    public async Task ReloadAsync()
    {
        await reloading.WaitAsync().ConfigureAwait(false);
        try
        {
            // Off the watcher's thread: indexing millions of hashes takes seconds.
            var loaded = await Task.Run(() => ManifestSha256() == current.ManifestSha256 ? null : Load()).ConfigureAwait(false);
            if (loaded is not null)
            {
                current = loaded;
                LogLoaded(loaded.Matcher.Sets.Count, loaded.Matcher.Manifest.Sets.Count, folder.Path);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever is wrong with the folder, the version in force keeps answering; the log says why.
            LogReloadRefused(ex.Message, current.ManifestSha256);
        }
        finally
        {
            reloading.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        watching.Dispose();
        watched.Dispose();
        reloading.Dispose();
    }

    private HashSetsVersion Load()
    {
        var sha256 = ManifestSha256();
        var matcher = KnownHashMatcher.Load(folder);
        return new HashSetsVersion(matcher, sha256, time.GetUtcNow());
    }

    private string ManifestSha256()
    {
        var path = Path.Combine(folder.Path, HashSetManifest.FileName);
        return File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : "";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hash sets loaded: {Enabled} enabled of {Total} in {Folder}")]
    private partial void LogLoaded(int enabled, int total, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "The hash-set manifest changed but the sets were refused ({Problem}); the version with manifest SHA-256 {Sha256} stays in force")]
    private partial void LogReloadRefused(string problem, string sha256);
}
