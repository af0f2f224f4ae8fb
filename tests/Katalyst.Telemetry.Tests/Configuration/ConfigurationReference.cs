using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Katalyst.Telemetry.Tests.Configuration;

/// <summary>
/// Writes docs/configuration.md from the options classes themselves: every class with a <c>Section</c> constant, each
/// public settable property as a key (nested classes as deeper sections), its type, its default (read from a new
/// instance) and its XML documentation.
/// </summary>
internal static class ConfigurationReference
{
    /// <summary>Which processes read the sections an assembly's options bind.</summary>
    public static readonly IReadOnlyDictionary<string, string> Readers = new Dictionary<string, string>
    {
        ["Inference.Service"] = "scoring service",
        ["Katalyst.Media"] = "scoring service",
        ["Portal.Blazor"] = "portal",
        ["Katalyst.Referrals"] = "portal",
        ["Katalyst.Telemetry"] = "scoring service, portal",
    };

    // Defaults computed from the machine the class runs on, written as what they are computed from.
    private static readonly Dictionary<string, string> MachineDependent = new()
    {
        ["Intake:Parallelism"] = "the processor count",
    };

    public static string Write(IReadOnlyList<Type> sections)
    {
        var text = new StringBuilder();
        text.AppendLine("# Configuration reference");
        text.AppendLine();
        text.AppendLine("<!-- Generated from the options classes by tests/Katalyst.Telemetry.Tests (ConfigurationReferenceTests); do not edit by hand:");
        text.AppendLine("     change the class's XML docs, then run that test with KATALYST_WRITE_CONFIG_REFERENCE=1. -->");
        text.AppendLine();
        text.AppendLine("Every setting either service reads, by section. Set a key in `appsettings.json`, on the command line");
        text.AppendLine("(`--Section:Key=value`) or in the environment (`Section__Key=value`; list items `Section__Key__0`). Each section is");
        text.AppendLine("validated at start: a bad value stops the service with a message naming the key. Both services read a section");
        text.AppendLine("`Scoring`, with different keys (the portal's says where the scoring service is).");
        foreach (var type in sections.OrderBy(Section, StringComparer.Ordinal).ThenBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## `{Section(type)}` ({Readers[type.Assembly.GetName().Name!]})");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"`{type.FullName}`");
            text.AppendLine();
            text.AppendLine("| key | type | default | description |");
            text.AppendLine("|---|---|---|---|");
            foreach (var row in Rows(Section(type), type))
            {
                text.AppendLine(row);
            }
        }

        return text.ToString();
    }

    /// <summary>The section a class binds, from its <c>Section</c> constant.</summary>
    public static string Section(Type type) => (string)type.GetField("Section", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue()!;

    /// <summary>Every option class reached through <paramref name="root"/>'s nested sections, the root included.</summary>
    public static IEnumerable<Type> Reached(Type root) =>
        [root, .. Keys(root).Where(p => IsSection(p.PropertyType)).SelectMany(p => Reached(p.PropertyType))];

    private static IEnumerable<string> Rows(string prefix, Type type)
    {
        var instance = Activator.CreateInstance(type);
        foreach (var property in Keys(type))
        {
            var key = $"{prefix}:{property.Name}";
            if (IsSection(property.PropertyType))
            {
                foreach (var row in Rows(key, property.PropertyType))
                {
                    yield return row;
                }

                continue;
            }

            var value = MachineDependent.TryGetValue(key, out var described) ? described : Default(property.GetValue(instance));
            yield return $"| `{key}` | {TypeName(property)} | {value} | {OptionsXmlDocs.Summary(property)} |";
        }
    }

    private static IEnumerable<PropertyInfo> Keys(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic).OrderBy(p => p.MetadataToken);

    private static bool IsSection(Type type) => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static string TypeName(PropertyInfo property)
    {
        var name = Name(property.PropertyType);
        if (new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable && !name.EndsWith('?'))
        {
            name += "?";
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            // A TimeSpan range (typeof(TimeSpan), "00:00:01", "1.00:00:00") is written as given.
            var unbounded = range.OperandType != typeof(TimeSpan) && Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture) >= int.MaxValue;
            name += unbounded
                ? FormattableString.Invariant($" (at least {range.Minimum})")
                : FormattableString.Invariant($" ({range.Minimum} to {range.Maximum})");
        }

        if (property.GetCustomAttribute<RequiredAttribute>() is not null)
        {
            name += ", required";
        }

        return name;
    }

    private static string Name(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Name(inner) + "?";
        }

        if (type.IsEnum)
        {
            return string.Join(" \\| ", Enum.GetNames(type));
        }

        if (type.IsArray)
        {
            return $"list of {Name(type.GetElementType()!)}";
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var arguments = type.GetGenericArguments();
            return arguments.Length == 2 ? $"map of {Name(arguments[0])} to {Name(arguments[1])}" : $"list of {Name(arguments[0])}";
        }

        return type == typeof(string) ? "string" : type == typeof(bool) ? "bool" : type == typeof(int) ? "int" : type == typeof(long) ? "long"
            : type == typeof(double) ? "double" : type == typeof(float) ? "float" : type.Name;
    }

    private static string Default(object? value) => value switch
    {
        null => "(none)",
        string { Length: 0 } => "(empty)",
        string s => $"`{Portable(s)}`",
        bool b => b ? "`true`" : "`false`",
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        IDictionary { Count: 0 } or ICollection { Count: 0 } => "(empty)",
        IEnumerable items => $"`{string.Join(", ", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)))}`",
        _ => $"`{value}`",
    };

    // A default under the binaries' folder is machine-specific: written relative to it.
    private static string Portable(string value) =>
        value.StartsWith(AppContext.BaseDirectory, StringComparison.Ordinal) ? "<binaries>/" + value[AppContext.BaseDirectory.Length..].TrimStart('/') : value;
}
