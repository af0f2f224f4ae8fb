using System.Collections;
using System.Reflection;
using System.Xml.Linq;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Tests.Parsing;

/// <summary>
/// Every scalar value reachable in a parsed model, with the chain of property names that led
/// to it (e.g. <c>Victims.Person.Addresses.StreetAddress</c>). Used to prove that each value in
/// a document is readable from the model.
/// </summary>
internal sealed class ModelValues
{
    // Containers whose emptiness carries no value (an empty <reportAnnotations/> is just "no tags").
    private static readonly HashSet<string> PureStructure = ["reportAnnotations", "fileAnnotations"];

    private readonly List<(string[] Chain, object Value)> values = [];

    public ModelValues(object model) => Walk(model, []);

    public IReadOnlyList<(string[] Chain, object Value)> All => values;

    /// <summary>
    /// Asserts that every leaf element and attribute of <paramref name="document"/> has its value
    /// somewhere in <paramref name="model"/>, reached through a property named like it; an empty
    /// leaf (an annotation) must appear as a flag or an unknown annotation name.
    /// </summary>
    public static void AssertCovers(XDocument document, object model, string label)
    {
        var values = new ModelValues(model);
        var missing = new List<string>();
        foreach (var element in document.Descendants())
        {
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.NamespaceName.Length == 0))
            {
                if (!values.Contains(attribute.Name.LocalName, attribute.Value))
                {
                    missing.Add($"{element.Name.LocalName}/@{attribute.Name.LocalName}={attribute.Value}");
                }
            }

            if (element.HasElements || PureStructure.Contains(element.Name.LocalName))
            {
                continue;
            }

            if (element.Value.Length == 0 && element.HasAttributes)
            {
                continue; // e.g. <batchedReport reason="..."/>: the value is the attribute, checked above.
            }

            var found = element.Parent is { } parent && PureStructure.Contains(parent.Name.LocalName)
                ? values.HasFlagOrName(element.Name.LocalName)
                : values.Contains(element.Name.LocalName, element.Value);
            if (!found)
            {
                missing.Add($"{element.Name.LocalName}={element.Value}");
            }
        }

        Assert.True(missing.Count == 0, $"{label}: not in the model: {string.Join("; ", missing)}");
    }

    /// <summary>True when some value reached through a property named like <paramref name="xmlName"/> equals <paramref name="text"/>.</summary>
    public bool Contains(string xmlName, string text) =>
        values.Any(v => v.Chain.Any(p => NameMatches(p, xmlName)) && ValueMatches(v.Value, text));

    /// <summary>True when a flags value anywhere has a flag named <paramref name="xmlName"/>, or a string equals it (unknown annotations).</summary>
    public bool HasFlagOrName(string xmlName) =>
        values.Any(v => v.Value is Enum e && e.GetType().IsDefined(typeof(FlagsAttribute))
            && e.ToString().Split(", ").Any(f => string.Equals(f, xmlName, StringComparison.OrdinalIgnoreCase)))
        || values.Any(v => v.Value is string s && s == xmlName);

    private static bool NameMatches(string property, string xmlName)
    {
        var p = property.ToUpperInvariant();
        var x = xmlName.ToUpperInvariant();
        return p == x || p.StartsWith(x, StringComparison.Ordinal) || p.EndsWith(x, StringComparison.Ordinal);
    }

    private static bool ValueMatches(object value, string text)
    {
        var trimmed = text.Trim();
        return value switch
        {
            string s => s == text || s == trimmed,
            bool b => trimmed switch { "true" or "1" => b, "false" or "0" => !b, _ => false },
            int i => int.TryParse(trimmed, out var t) && t == i,
            long l => long.TryParse(trimmed, out var t) && t == l,
            double d => double.TryParse(trimmed, System.Globalization.CultureInfo.InvariantCulture, out var t) && t == d,
            DateTimeOffset dto => DateTimeOffset.TryParse(trimmed, System.Globalization.CultureInfo.InvariantCulture, out var t) && t == dto,
            DateOnly date => trimmed.Length >= 10 && DateOnly.TryParse(trimmed[..10], System.Globalization.CultureInfo.InvariantCulture, out var t) && t == date,
            IncidentType type => type.ToSchemaValue() == text,
            Enum e => string.Equals(e.ToString(), trimmed.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    private void Walk(object? node, string[] chain)
    {
        switch (node)
        {
            case null:
                return;
            case string or bool or int or long or double or DateTimeOffset or DateOnly or Enum:
                values.Add((chain, node));
                return;
            case IEnumerable list:
                foreach (var item in list)
                {
                    Walk(item, chain);
                }

                return;
        }

        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Walk(property.GetValue(node), [.. chain, property.Name]);
            }
        }
    }
}
