using System.Xml.Linq;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// The children of one complex element, sorted by the names its <see cref="ElementLayout"/>
/// allows. Collecting them checks sequence order and "at most once", and keeps every child
/// and attribute the schema does not define as an unknown element.
/// </summary>
internal sealed class ChildElements
{
    private readonly XElement parent;
    private readonly ElementLayout layout;
    private readonly SchemaReader reader;
    private readonly XElement?[] first;
    private List<XElement>?[]? repeated;

    public ChildElements(XElement parent, ElementLayout layout, SchemaReader reader)
    {
        this.parent = parent;
        this.layout = layout;
        this.reader = reader;
        first = new XElement?[layout.Names.Length];
        reader.KeepUnknownAttributes(parent, layout.Attributes);
        var last = -1;
        foreach (var child in parent.Elements())
        {
            var index = child.Name.NamespaceName.Length == 0 ? layout.IndexOf(child.Name.LocalName) : -1;
            if (index < 0)
            {
                reader.KeepUnknown(child);
                continue;
            }

            if (layout.Ordered && index < last)
            {
                throw reader.Error(child, $"is out of order: the schema puts <{child.Name.LocalName}> before <{layout.Names[last]}>");
            }

            last = index;
            Add(index, child);
        }
    }

    /// <summary>True when the schema allows <paramref name="name"/> here at all.</summary>
    public bool Defines(string name) => layout.IndexOf(name) >= 0;

    /// <summary>The element named <paramref name="name"/>, or null when absent.</summary>
    public XElement? One(string name) => first[IndexOf(name)];

    /// <summary>The element named <paramref name="name"/>; a rejection when absent.</summary>
    public XElement Required(string name) =>
        first[IndexOf(name)] ?? throw reader.Missing(parent, name);

    /// <summary>Every element named <paramref name="name"/>, in document order.</summary>
    public IReadOnlyList<XElement> Many(string name)
    {
        var index = IndexOf(name);
        if (repeated?[index] is { } list)
        {
            return list;
        }

        return first[index] is { } single ? [single] : [];
    }

    /// <summary>The present elements among <paramref name="names"/> (for xs:choice checks).</summary>
    public IEnumerable<XElement> Present(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (first[IndexOf(name)] is { } element)
            {
                yield return element;
            }
        }
    }

    private void Add(int index, XElement child)
    {
        if (first[index] is null)
        {
            first[index] = child;
            return;
        }

        if (!layout.Repeatable[index])
        {
            throw reader.Error(child, "appears more than once; the schema allows it once here");
        }

        repeated ??= new List<XElement>?[first.Length];
        (repeated[index] ??= [first[index]!]).Add(child);
    }

    private int IndexOf(string name)
    {
        var index = layout.IndexOf(name);
        return index >= 0 ? index : throw new ArgumentException($"<{name}> is not in the layout of <{parent.Name.LocalName}>", nameof(name));
    }
}
