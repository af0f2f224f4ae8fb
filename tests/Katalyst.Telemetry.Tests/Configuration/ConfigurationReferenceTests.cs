using System.Reflection;
using Katalyst.Inference.Scoring;
using Katalyst.Media.Decoding;
using Katalyst.Portal.Access;
using Katalyst.Referrals.Store;
using Katalyst.Scoring.Runtime;
using Katalyst.Synthetic;

namespace Katalyst.Telemetry.Tests.Configuration;

/// <summary>
/// docs/configuration.md never drifts from the options classes: it must equal what <see cref="ConfigurationReference"/>
/// writes from them, and every <c>*Options</c> class in Katalyst must be in it or be named here as not configuration.
/// </summary>
public sealed class ConfigurationReferenceTests
{
    private const string WriteVariable = "KATALYST_WRITE_CONFIG_REFERENCE";

    // Options classes that no configuration section binds, and why.
    private static readonly Dictionary<Type, string> NotConfiguration = new()
    {
        [typeof(GeneratorOptions)] = "the flags of katalyst generate",
        [typeof(Katalyst.Scoring.Text.TextTrainingOptions)] = "the flags of katalyst train",
        [typeof(ExecutionProviderOptions)] = "built by the scoring service from Scoring:ExecutionProvider",
        [typeof(Katalyst.Referrals.Scoring.Balancing.ScoringChannelOptions)] = "built by the portal from Scoring:CallTimeoutSeconds, MaxAttempts and Tls, and by the CLI from its flags",
    };

    private static readonly Assembly[] Assemblies =
    [
        typeof(ScoringOptions).Assembly, typeof(AccessOptions).Assembly, typeof(StoreOptions).Assembly, typeof(ImageDecodingOptions).Assembly,
        typeof(ExecutionProviderOptions).Assembly, typeof(GeneratorOptions).Assembly, typeof(TelemetryOptions).Assembly,
    ];

    private static string DocPath => Path.Combine(RepositoryFolder.Root, "docs", "configuration.md");

    [Fact]
    public void OptionsClasses_Every_DocumentedOrNamedAsNotConfiguration()
    {
        var documented = Sections().SelectMany(ConfigurationReference.Reached).ToHashSet();

        var missing = OptionsClasses().Where(t => !documented.Contains(t) && !NotConfiguration.ContainsKey(t)).Select(t => t.FullName).ToList();

        Assert.True(missing.Count == 0, "options classes with no Section constant that no section reaches: " + string.Join(", ", missing)
            + ". Give each a Section (it is then documented) or name it in NotConfiguration with why.");
        Assert.All(NotConfiguration.Keys, t => Assert.DoesNotContain(t, documented));
    }

    [Fact]
    public void Reference_EveryKey_HasADescription()
    {
        var text = ConfigurationReference.Write(Sections());

        var undocumented = text.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.TrimEnd().EndsWith("|  |", StringComparison.Ordinal)).ToList();

        Assert.True(undocumented.Count == 0, "keys without an XML <summary> on their property:\n" + string.Join("\n", undocumented));
    }

    [Fact]
    public void ConfigurationMd_Always_MatchesTheOptionsClasses()
    {
        var expected = ConfigurationReference.Write(Sections());
        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            File.WriteAllText(DocPath, expected);
        }

        var actual = File.Exists(DocPath) ? File.ReadAllText(DocPath).ReplaceLineEndings("\n") : "(docs/configuration.md is missing)";

        Assert.True(expected == actual, $"docs/configuration.md is stale: run this test with {WriteVariable}=1 to rewrite it, then review and commit.\n"
            + FirstDifference(expected, actual));
    }

    private static List<Type> Sections() =>
        [.. OptionsClasses().Where(t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true })];

    private static IEnumerable<Type> OptionsClasses() => Assemblies.SelectMany(a => a.GetTypes())
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Options", StringComparison.Ordinal)
            && !t.GetInterfaces().Any(i => i.Name.StartsWith("IConfigure", StringComparison.Ordinal) || i.Name.StartsWith("IPostConfigure", StringComparison.Ordinal)));

    private static string FirstDifference(string expected, string actual)
    {
        var want = expected.Split('\n');
        var have = actual.Split('\n');
        for (var i = 0; i < Math.Max(want.Length, have.Length); i++)
        {
            var w = i < want.Length ? want[i] : "(end of file)";
            var h = i < have.Length ? have[i] : "(end of file)";
            if (w != h)
            {
                return $"line {i + 1}:\n  expected: {w}\n  found:    {h}";
            }
        }

        return "";
    }
}
