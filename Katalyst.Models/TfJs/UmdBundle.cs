using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;

namespace Katalyst.Models.TfJs;

/// <summary>
/// Reads the value a browserify UMD bundle exports (<c>module.exports = { ... }</c> or <c>= "base64..."</c>), as
/// nsfwjs ships its model.json and weight shards. Parsed with Acornima, a JavaScript parser: the bundle is data
/// wrapped in code, so a parser that turns its single literal into JSON is enough, and nothing of the package's
/// code ever runs (an engine such as Jint would execute the bundle's wrapper to get the same value).
/// </summary>
public static class UmdBundle
{
    /// <summary>The exported object literal as JSON (an object, array, string, number, boolean or null).</summary>
    /// <exception cref="InvalidDataException">Not JavaScript, no <c>exports = literal</c>, or the literal holds code; names <paramref name="source"/>.</exception>
    public static JsonNode? ExportedValue(string javascript, string source)
    {
        var value = ToJson(ExportedExpression(javascript, source), source);
        // Built nodes hold doubles that refuse (int) casts; re-parsed ones convert like any JSON read from a file.
        return value is null ? null : JsonNode.Parse(value.ToJsonString());
    }

    /// <summary>The exported string (a weight shard, base64) decoded to bytes.</summary>
    /// <exception cref="InvalidDataException">The export is no string, or not base64; names <paramref name="source"/>.</exception>
    public static byte[] ExportedBase64(string javascript, string source)
    {
        if (ExportedExpression(javascript, source) is not StringLiteral text)
        {
            throw new InvalidDataException($"{source}: the bundle exports no string; expected a base64 weight shard.");
        }

        try
        {
            return Convert.FromBase64String(text.Value);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{source}: the exported string is not base64: {ex.Message}", ex);
        }
    }

    private static Expression ExportedExpression(string javascript, string source)
    {
        Script script;
        try
        {
            script = new Parser().ParseScript(javascript, source);
        }
        catch (ParseErrorException ex)
        {
            throw new InvalidDataException($"{source}: not JavaScript: {ex.Message}", ex);
        }

        // The bundle's module body assigns its data once: `a.exports = <literal>`.
        var assignments = script.DescendantNodes()
            .OfType<AssignmentExpression>()
            .Where(a => a.Left is MemberExpression { Computed: false, Property: Identifier { Name: "exports" } }
                && a.Right is ObjectExpression or StringLiteral)
            .ToList();
        return assignments.Count switch
        {
            1 => assignments[0].Right,
            0 => throw new InvalidDataException($"{source}: no 'exports = {{...}}' or 'exports = \"...\"' assignment found; not a TF.js model bundle."),
            _ => throw new InvalidDataException($"{source}: {assignments.Count} 'exports = literal' assignments found; expected one."),
        };
    }

    private static JsonNode? ToJson(Node node, string source) => node switch
    {
        ObjectExpression obj => ToJsonObject(obj, source),
        ArrayExpression array => new JsonArray(array.Elements.Select(e => e is null ? null : ToJson(e, source)).ToArray()),
        StringLiteral s => JsonValue.Create(s.Value),
        NumericLiteral n => JsonValue.Create(n.Value),
        BooleanLiteral b => JsonValue.Create(b.Value),
        NullLiteral => null,
        // Minifiers write true/false as !0/!1 and negative numbers as a negation of a literal.
        UnaryExpression { Operator: Operator.LogicalNot, Argument: NumericLiteral n } => JsonValue.Create(n.Value == 0),
        UnaryExpression { Operator: Operator.UnaryNegation, Argument: NumericLiteral n } => JsonValue.Create(-n.Value),
        _ => throw new InvalidDataException(
            $"{source}: line {node.Location.Start.Line}, column {node.Location.Start.Column}: {node.Type} is not a literal; the exported value must be plain data."),
    };

    private static JsonObject ToJsonObject(ObjectExpression obj, string source)
    {
        var json = new JsonObject();
        foreach (var member in obj.Properties)
        {
            if (member is not Property { Computed: false } property)
            {
                throw new InvalidDataException($"{source}: line {member.Location.Start.Line}: {member.Type} in an object literal; expected plain 'key: value' pairs.");
            }

            var key = property.Key switch
            {
                Identifier id => id.Name,
                StringLiteral s => s.Value,
                NumericLiteral n => n.Value.ToString(CultureInfo.InvariantCulture),
                _ => throw new InvalidDataException($"{source}: line {property.Location.Start.Line}: unsupported object key {property.Key.Type}."),
            };
            json[key] = ToJson(property.Value, source);
        }

        return json;
    }

    /// <summary>Reads a bundle's bytes as UTF-8 text.</summary>
    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
