using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// Reads one loaded document against the schema's rules: typed leaf values, attributes,
/// unknown elements, and rejections that name file, line, element path and reason.
/// </summary>
internal sealed class SchemaReader(string fileName, int lineOffset)
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private readonly List<UnknownElement> unknown = [];

    /// <summary>Elements and attributes the schema does not define, in document order.</summary>
    public IReadOnlyList<UnknownElement> Unknown => unknown;

    public ChildElements Children(XElement element, ElementLayout layout) => new(element, layout, this);

    /// <summary>A simple-content element's text; child elements are not allowed.</summary>
    public string Text(XElement element, params string[] knownAttributes)
    {
        KeepUnknownAttributes(element, knownAttributes);
        if (element.HasElements)
        {
            throw Error(element, "must hold text only, not child elements");
        }

        return element.Value;
    }

    public string? Text(XElement? element) => element is null ? null : Text(element, []);

    public IReadOnlyList<string> Texts(IReadOnlyList<XElement> elements) => [.. elements.Select(e => Text(e, []))];

    public bool Boolean(XElement element, params string[] knownAttributes) =>
        XsdValues.TryBoolean(Text(element, knownAttributes), out var value) ? value : throw Invalid(element, "xs:boolean");

    public bool? Boolean(XElement? element) => element is null ? null : Boolean(element, []);

    public int? Int(XElement? element) =>
        element is null ? null : XsdValues.TryInt(Text(element, []), out var value) ? value : throw Invalid(element, "xs:int");

    public long Long(XElement element) =>
        XsdValues.TryLong(Text(element, []), out var value) ? value : throw Invalid(element, "xs:long");

    public double? Double(XElement? element) =>
        element is null ? null : XsdValues.TryDouble(Text(element, []), out var value) ? value : throw Invalid(element, "xs:double");

    public DateTimeOffset RequiredDateTime(XElement element) =>
        XsdValues.TryDateTime(Text(element, []), out var value) ? value : throw Invalid(element, "xs:dateTime");

    public DateTimeOffset? DateTime(XElement? element) => element is null ? null : RequiredDateTime(element);

    public DateOnly? Date(XElement? element) =>
        element is null ? null : XsdValues.TryDate(Text(element, []), out var value) ? value : throw Invalid(element, "xs:date");

    /// <summary>An element whose type restricts xs:string to a list; the match is exact.</summary>
    public string? Enumerated(XElement? element, SchemaEnumerations.Enumeration type)
    {
        if (element is null)
        {
            return null;
        }

        var value = Text(element, []);
        return type.Contains(value) ? value : throw Invalid(element, type);
    }

    public bool? BooleanAttribute(XElement element, string name) =>
        element.Attribute(name) is not { } attribute ? null
        : XsdValues.TryBoolean(attribute.Value, out var value) ? value : throw Invalid(attribute, "xs:boolean");

    public DateTimeOffset? DateTimeAttribute(XElement element, string name) =>
        element.Attribute(name) is not { } attribute ? null
        : XsdValues.TryDateTime(attribute.Value, out var value) ? value : throw Invalid(attribute, "xs:dateTime");

    public string? EnumeratedAttribute(XElement element, string name, SchemaEnumerations.Enumeration type) =>
        element.Attribute(name) is not { } attribute ? null
        : type.Contains(attribute.Value) ? attribute.Value : throw Invalid(attribute, type);

    public void KeepUnknown(XElement element) =>
        unknown.Add(new UnknownElement(PathOf(element), element.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces)));

    public void KeepUnknownAttributes(XElement element, string[] known)
    {
        if (!element.HasAttributes)
        {
            return;
        }

        foreach (var attribute in element.Attributes())
        {
            if (attribute.IsNamespaceDeclaration || attribute.Name.Namespace == Xsi
                || (attribute.Name.NamespaceName.Length == 0 && Array.IndexOf(known, attribute.Name.LocalName) >= 0))
            {
                continue;
            }

            unknown.Add(new UnknownElement($"{PathOf(element)}/@{attribute.Name.LocalName}", attribute.ToString()));
        }
    }

    /// <summary>A value that is not in the lexical space of <paramref name="typeName"/>.</summary>
    public ReferralFormatException Invalid(XObject at, string typeName)
    {
        var article = typeName.StartsWith("xs:", StringComparison.Ordinal) ? "an" : "a";
        return Error(at, $"{Quote(ValueOf(at))} is not {article} {typeName}");
    }

    /// <summary>A value outside a restricted list.</summary>
    public ReferralFormatException Invalid(XObject at, SchemaEnumerations.Enumeration type)
    {
        var allowed = type.Listing is { } listing ? $" ({listing})" : string.Empty;
        return Error(at, $"{Quote(ValueOf(at))} is not one of the schema's {type.TypeName} values{allowed}");
    }

    /// <summary>A required child that is absent; located at its parent.</summary>
    public ReferralFormatException Missing(XElement parent, string name) =>
        Error(parent, $"required element is missing from <{parent.Name.LocalName}>", $"{PathOf(parent)}/{name}");

    public ReferralFormatException Error(XObject at, string reason, string? path = null)
    {
        path ??= at switch
        {
            XAttribute attribute when attribute.Parent is { } owner => $"{PathOf(owner)}/@{attribute.Name.LocalName}",
            XElement element => PathOf(element),
            _ => null,
        };
        var info = (IXmlLineInfo)at;
        return info.HasLineInfo()
            ? new ReferralFormatException(fileName, path, reason, info.LineNumber + lineOffset, info.LinePosition)
            : new ReferralFormatException(fileName, path, reason);
    }

    private static string ValueOf(XObject at) => at is XAttribute attribute ? attribute.Value : ((XElement)at).Value;

    /// <summary>"report/incidentSummary/incidentDateTime": computed only when needed.</summary>
    public static string PathOf(XElement element)
    {
        var names = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            names.Add(e.Name.LocalName);
        }

        names.Reverse();
        return string.Join('/', names);
    }

    /// <summary>A value for a message: quoted, shortened, control characters escaped.</summary>
    public static string Quote(string value)
    {
        const int Limit = 80;
        var builder = new StringBuilder("\"");
        foreach (var c in value.Length > Limit ? value[..Limit] : value)
        {
            _ = char.IsControl(c) ? builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}") : builder.Append(c);
        }

        return builder.Append(value.Length > Limit ? "…\"" : "\"").ToString();
    }
}
