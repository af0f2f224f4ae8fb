using System.Collections.Frozen;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Katalyst.Inference.Partners;

/// <summary>
/// The partners in force, from <see cref="PartnersOptions.Path"/>: loaded at start-up (a bad file fails the start),
/// re-read whenever the file changes (a bad edit is refused and logged; the partners in force stay), looked up by key id
/// or certificate thumbprint in O(1). With no path configured the directory is <see cref="Open"/>.
/// </summary>
public sealed partial class PartnerDirectory : IDisposable
{
    private readonly string? path;
    private readonly int globalMaxReceiveBytes;
    private readonly ILogger<PartnerDirectory> logger;
    private readonly PhysicalFileProvider? folder;
    private readonly IDisposable? watching;
    private readonly Lock loading = new();
    private volatile Snapshot current;

    /// <summary>Loads the partners file and starts watching it.</summary>
    /// <exception cref="InvalidDataException">The file is bad; the message names the file and the entry.</exception>
    public PartnerDirectory(IOptions<PartnersOptions> options, IOptions<GrpcServiceOptions> grpc, IHostEnvironment environment, ILogger<PartnerDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(grpc);
        ArgumentNullException.ThrowIfNull(environment);
        this.logger = logger;
        globalMaxReceiveBytes = grpc.Value.MaxReceiveMessageSize ?? 4 * 1024 * 1024;
        if (string.IsNullOrWhiteSpace(options.Value.Path))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"Partners:Path is not set, so nobody could be told apart from anybody: set it to a partners file made by 'katalyst partners add' (the {environment.EnvironmentName} environment never runs open; only Development does).");
            }

            LogOpen();
            current = new Snapshot([], open: true);
            return;
        }

        path = System.IO.Path.GetFullPath(options.Value.Path);
        current = Load();
        LogLoaded(path, current.Count);
        folder = new PhysicalFileProvider(Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!).FullName);
        var name = System.IO.Path.GetFileName(path);
        watching = ChangeToken.OnChange(() => folder.Watch(name), Reload);
    }

    /// <summary>Whether no partners file is configured and every call is let in (Development only).</summary>
    public bool Open => current.IsOpen;

    /// <summary>The entry whose key id is in <paramref name="key"/> and whose hash the key matches; null when none.</summary>
    internal PartnerEntry? FindByKey(string key)
    {
        var id = PartnerKey.IdOf(key);
        return id is not null && current.ByKeyId.TryGetValue(id, out var entry) && PartnerKey.Matches(key, entry.KeySha256!) ? entry : null;
    }

    /// <summary>The entry that names <paramref name="sha256"/> or <paramref name="sha1"/> (hex thumbprints); null when none.</summary>
    internal PartnerEntry? FindByCertificate(string sha256, string sha1)
    {
        var byThumbprint = current.ByThumbprint;
        return byThumbprint.TryGetValue(sha256, out var entry) || byThumbprint.TryGetValue(sha1, out entry) ? entry : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        watching?.Dispose();
        folder?.Dispose();
    }

    private Snapshot Load()
    {
        var entries = PartnersFile.Read(path!);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].MaxRequestBytes > globalMaxReceiveBytes)
            {
                throw new InvalidDataException($"{path}: partners[{i}].maxRequestBytes: {entries[i].MaxRequestBytes:N0} is above the service's MaxReceiveMessageSize of {globalMaxReceiveBytes:N0} bytes");
            }
        }

        return new Snapshot(entries, open: false);
    }

    private void Reload()
    {
        lock (loading)
        {
            try
            {
                current = Load();
                LogLoaded(path!, current.Count);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                LogReloadRefused(ex.Message, current.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partners:Path is not set: EVERY gRPC CALL IS LET IN WITHOUT A KEY. This is allowed in Development only; set Partners:Path (katalyst partners add) before anything real reaches this service.")]
    private partial void LogOpen();

    [LoggerMessage(Level = LogLevel.Information, Message = "Partners loaded from {Path}: {Count} entries")]
    private partial void LogLoaded(string path, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The partners file changed on disk but was refused ({Problem}); the {Count} entries in force stay")]
    private partial void LogReloadRefused(string problem, int count);

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<PartnerEntry> entries, bool open)
        {
            IsOpen = open;
            Count = entries.Count;
            ByKeyId = entries.Where(e => e.KeyId is not null).ToFrozenDictionary(e => e.KeyId!, StringComparer.Ordinal);
            ByThumbprint = entries.Where(e => e.CertificateThumbprint is not null)
                .ToFrozenDictionary(e => e.CertificateThumbprint!, StringComparer.OrdinalIgnoreCase);
        }

        public bool IsOpen { get; }

        public int Count { get; }

        public FrozenDictionary<string, PartnerEntry> ByKeyId { get; }

        public FrozenDictionary<string, PartnerEntry> ByThumbprint { get; }
    }
}
