using System.Xml.Linq;

namespace Katalyst.Referrals.Intake.Parsing;

/// <summary>
/// The annotation elements (report and file) are xs:boolean with <c>fixed="true"</c>:
/// present and empty means true, "true" or "1" are allowed, "false" is not (leave it out).
/// </summary>
internal static class FixedTrue
{
    public static void Check(SchemaReader r, XElement element)
    {
        var text = r.Text(element, []);
        if (text.Length == 0)
        {
            return;
        }

        if (!XsdValues.TryBoolean(text, out var value))
        {
            throw r.Invalid(element, "xs:boolean");
        }

        if (!value)
        {
            throw r.Error(element, $"{SchemaReader.Quote(text)} is not allowed: the schema fixes this annotation to true (leave the element out instead)");
        }
    }

    /// <summary>Names of annotation children the schema does not define (already kept as unknown elements).</summary>
    public static IReadOnlyList<string> UnknownNames(XElement annotations, ElementLayout layout) =>
        [.. annotations.Elements()
            .Where(e => e.Name.NamespaceName.Length != 0 || layout.IndexOf(e.Name.LocalName) < 0)
            .Select(e => e.Name.LocalName)];
}
