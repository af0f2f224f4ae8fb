using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Katalyst.Telemetry.Tests.Configuration;

/// <summary>Reads a property's <c>&lt;summary&gt;</c> from its assembly's XML documentation file, as one line of Markdown.</summary>
internal static partial class OptionsXmlDocs
{
    private static readonly Dictionary<Assembly, Dictionary<string, XElement>> Loaded = [];

    public static string Summary(PropertyInfo property)
    {
        var type = property.DeclaringType!;
        var members = Members(type.Assembly);
        var id = $"P:{type.FullName!.Replace('+', '.')}.{property.Name}";
        return members.TryGetValue(id, out var member) && member.Element("summary") is { } summary ? Markdown(summary) : "";
    }

    private static Dictionary<string, XElement> Members(Assembly assembly)
    {
        lock (Loaded)
        {
            if (!Loaded.TryGetValue(assembly, out var members))
            {
                var file = Path.ChangeExtension(assembly.Location, ".xml");
                Assert.True(File.Exists(file), $"{file} is missing: every project generates its XML documentation (Directory.Build.props).");
                members = XDocument.Load(file).Descendants("member").ToDictionary(m => (string)m.Attribute("name")!);
                Loaded[assembly] = members;
            }

            return members;
        }
    }

    private static string Markdown(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(Node));
        return Whitespace().Replace(text, " ").Trim().Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static string Node(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
        XElement { Name.LocalName: "see" or "seealso" } see => $"`{Cref(see)}`",
        XElement { Name.LocalName: "paramref" or "typeparamref" } p => $"`{(string?)p.Attribute("name")}`",
        XElement element => string.Concat(element.Nodes().Select(Node)),
        _ => "",
    };

    private static string Cref(XElement see)
    {
        var cref = (string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? "";
        var name = cref.Contains(':', StringComparison.Ordinal) ? cref[(cref.IndexOf(':', StringComparison.Ordinal) + 1)..] : cref;
        var parts = name.Split('.');
        return parts.Length >= 2 && cref.StartsWith("P:", StringComparison.Ordinal) ? $"{parts[^2]}.{parts[^1]}" : parts[^1];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
