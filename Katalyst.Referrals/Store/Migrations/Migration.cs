using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Katalyst.Referrals.Store.Migrations;

/// <summary>One numbered schema script, embedded in this assembly as <c>Store/Migrations/&lt;Dialect&gt;/NNNN_name.sql</c>.</summary>
public sealed partial record Migration(int Version, string Name, string Script)
{
    /// <summary>Every migration for a dialect, in version order.</summary>
    public static IReadOnlyList<Migration> For(StoreProvider provider)
    {
        var assembly = typeof(Migration).Assembly;
        var prefix = $"{assembly.GetName().Name}.Store.Migrations.{provider}.";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = resource[prefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration resource '{fileName}' is not named NNNN_name.sql.");
            }

            migrations.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                Read(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two {provider} migrations share version {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration resource '{resource}' cannot be read.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
