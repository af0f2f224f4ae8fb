using System.Security.Cryptography;
using Katalyst.Scoring.Manifest;

namespace Katalyst.Cli.Train;

/// <summary>
/// The folder of trained models the scoring service loads (<c>models/</c> in the repository): ONNX files,
/// <c>manifest.json</c> (version, SHA-256, training command, held-out figures) and the supervisor's <c>rules.json</c>.
/// The manifest is the same <see cref="ModelManifest"/> the service reads.
/// </summary>
internal static class ModelFolder
{
    /// <summary>Writes a model file and records it in the manifest, replacing an older entry of the same name.</summary>
    public static void Save(string folder, string name, string fileName, byte[] onnx, string version, string command, IReadOnlyDictionary<string, double> evaluation)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, fileName), onnx);
        var entries = File.Exists(Path.Combine(folder, ModelManifest.FileName))
            ? ModelManifest.Read(folder).Models.ToList()
            : [];
        entries.RemoveAll(e => e.Name == name);
        entries.Add(new ModelEntry(name, version, fileName, Convert.ToHexStringLower(SHA256.HashData(onnx)), DateTimeOffset.UtcNow, command,
            evaluation.ToDictionary(e => e.Key, e => Math.Round(e.Value, 4))));
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        new ModelManifest(entries).Write(folder);
        EnsureRules(folder);
    }

    /// <summary>A version from the training date, e.g. <c>2026.11.22</c>.</summary>
    public static string Version() => DateTime.UtcNow.ToString("yyyy.MM.dd", System.Globalization.CultureInfo.InvariantCulture);

    // The default rule layer: what the policy puts in tier 1 regardless of the model. Supervisors edit the file.
    public static void EnsureRules(string folder)
    {
        var path = Path.Combine(folder, "rules.json");
        if (File.Exists(path))
        {
            return;
        }

        File.WriteAllText(path, """
            {
              "rules": [
                {
                  "name": "esp-escalation",
                  "signal": "escalated",
                  "atLeast": 1,
                  "raiseTo": 1,
                  "reason": "The ESP escalated the report (immediate risk to a child): the policy puts it in tier 1."
                },
                {
                  "name": "ncmec-priority-1",
                  "signal": "ncmec_priority_1",
                  "atLeast": 1,
                  "raiseTo": 1,
                  "reason": "NCMEC marked it priority 1 (a child in imminent danger)."
                }
              ]
            }

            """);
    }
}
