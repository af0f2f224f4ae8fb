using System.Security.Cryptography;
using Katalyst.Inference.Scoring;
using Katalyst.Scoring.Priority;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Katalyst.Inference.Rules;

/// <summary>The rules in force, the fingerprint of the file they came from, and when they were loaded.</summary>
public sealed record LoadedTierRules(TierRuleSet Rules, string Sha256, DateTimeOffset LoadedAt);

/// <summary>
/// <c>rules.json</c> in the models folder: loaded at start-up (a bad file fails the start), re-read whenever it changes
/// on disk (a bad edit is refused and the rules in force stay), and replaced atomically through
/// <see cref="Replace"/>. Scoring reads <see cref="Current"/> once per batch.
/// </summary>
public sealed partial class TierRulesFile : IDisposable
{
    private readonly string path;
    private readonly TimeProvider time;
    private readonly ILogger<TierRulesFile> logger;
    private readonly PhysicalFileProvider folder;
    private readonly IDisposable watching;
    private readonly Lock writing = new();
    private volatile LoadedTierRules current;

    /// <summary>Loads the rules from <see cref="ScoringOptions.ModelsPath"/> and starts watching the file.</summary>
    /// <exception cref="InvalidDataException">The file is missing or a rule is bad; the message names it.</exception>
    public TierRulesFile(IOptions<ScoringOptions> options, TimeProvider time, ILogger<TierRulesFile> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var models = Path.GetFullPath(options.Value.ModelsPath);
        path = Path.Combine(models, TierRuleSet.FileName);
        this.time = time;
        this.logger = logger;
        current = Load();
        folder = new PhysicalFileProvider(models);
        watching = ChangeToken.OnChange(() => folder.Watch(TierRuleSet.FileName), Reload);
    }

    /// <summary>The rules in force.</summary>
    public LoadedTierRules Current => current;

    /// <summary>Writes new rules (to a temporary file, then renamed over <c>rules.json</c>) and puts them in force.</summary>
    /// <exception cref="InvalidDataException">A rule is bad; the message names it as <c>rules[i].field</c>.</exception>
    /// <exception cref="StaleTierRulesException">The rules changed since the editor read them.</exception>
    public LoadedTierRules Replace(TierRuleSet rules, string expectedSha256, string changedBy)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Problem() is { } problem)
        {
            throw new InvalidDataException(problem);
        }

        lock (writing)
        {
            if (!string.Equals(expectedSha256, current.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new StaleTierRulesException(current.Sha256);
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(rules.ToJson());
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
            current = new LoadedTierRules(rules, Convert.ToHexStringLower(SHA256.HashData(bytes)), time.GetUtcNow());
        }

        LogReplaced(changedBy, rules.Rules.Count, current.Sha256);
        return current;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        watching.Dispose();
        folder.Dispose();
    }

    private LoadedTierRules Load()
    {
        var (rules, bytes) = TierRuleSet.ReadWithBytes(path);
        return new LoadedTierRules(rules, Convert.ToHexStringLower(SHA256.HashData(bytes)), time.GetUtcNow());
    }

    private void Reload()
    {
        lock (writing)
        {
            try
            {
                var loaded = Load();
                if (loaded.Sha256 != current.Sha256)
                {
                    current = loaded;
                    LogReloaded(loaded.Rules.Rules.Count, loaded.Sha256);
                }
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                LogReloadRefused(ex.Message, current.Sha256);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tier rules replaced by {ChangedBy}: {Count} rules, rules.json SHA-256 {Sha256}")]
    private partial void LogReplaced(string changedBy, int count, string sha256);

    [LoggerMessage(Level = LogLevel.Warning, Message = "rules.json changed on disk and was re-read: {Count} rules, SHA-256 {Sha256}")]
    private partial void LogReloaded(int count, string sha256);

    [LoggerMessage(Level = LogLevel.Error, Message = "rules.json changed on disk but was refused ({Problem}); the rules with SHA-256 {Sha256} stay in force")]
    private partial void LogReloadRefused(string problem, string sha256);
}

/// <summary>The rules changed since the editor read them; nothing was written.</summary>
public sealed class StaleTierRulesException(string currentSha256)
    : Exception($"the rules changed since they were read (now SHA-256 {currentSha256}): read them again and redo the edit");
