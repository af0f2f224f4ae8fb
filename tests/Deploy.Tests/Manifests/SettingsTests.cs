using Katalyst.Deploy.Tests.Images;

namespace Katalyst.Deploy.Tests.Manifests;

/// <summary>Every Katalyst setting deploy/ sets by environment exists: it names a key of docs/configuration.md (itself checked against the options classes).</summary>
public sealed class SettingsTests
{
    // Host settings that belong to ASP.NET Core itself, not to Katalyst's options classes.
    private static readonly string[] HostSections = ["Kestrel", "Logging"];

    [Fact]
    public void EnvironmentSettings_EveryKatalystKey_IsInTheConfigurationReference()
    {
        var reference = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "docs", "configuration.md"));
        var settings = SettingsSetByDeploy().ToList();

        Assert.Contains(settings, s => s.Key == "Store:Provider");
        Assert.All(settings, s => Assert.True(reference.Contains($"| `{s.Key}` |", StringComparison.Ordinal), $"{s.Where} sets {s.Key}, which no options class reads (docs/configuration.md)"));
    }

    private static IEnumerable<(string Key, string Where)> SettingsSetByDeploy()
    {
        var names = new List<(string Name, string Where)>();
        foreach (var image in new[] { "inference", "portal", "cli" })
        {
            var dockerfile = Dockerfile.Read(Path.Combine(RepositoryFolder.Root, "deploy", image, "Dockerfile"));
            names.AddRange(dockerfile.Environment.Keys.Select(k => (k, $"deploy/{image}/Dockerfile")));
        }

        var documents = Directory.GetFiles(YamlDocuments.Folder("kubernetes"), "*.yaml").SelectMany(YamlDocuments.Read)
            .Concat(YamlDocuments.Read(Path.Combine(YamlDocuments.Folder("compose"), "compose.yaml")));
        foreach (var document in documents)
        {
            if (document.Kind == "ConfigMap")
            {
                names.AddRange(document.Path<Dictionary<object, object?>>("data")!.Keys.Select(k => ((string)k, document.File)));
            }

            foreach (var map in YamlDocuments.Maps(document.Root))
            {
                if (map.TryGetValue("env", out var env) && env is List<object?> list)
                {
                    names.AddRange(list.Cast<Dictionary<object, object?>>().Select(e => ((string)e["name"]!, document.File)));
                }
                else if (map.TryGetValue("environment", out var environment) && environment is Dictionary<object, object?> compose)
                {
                    names.AddRange(compose.Keys.Select(k => ((string)k, document.File)));
                }
            }
        }

        // Section__Key__0 → Section:Key (a list's index is not part of the key); names without "__" are the host's or a tool's.
        return names.Where(n => n.Name.Contains("__", StringComparison.Ordinal))
            .Select(n => (Key: string.Join(':', n.Name.Split("__").Where(part => !part.All(char.IsAsciiDigit))), n.Where))
            .Where(s => !HostSections.Contains(s.Key.Split(':')[0]))
            .Distinct();
    }
}
