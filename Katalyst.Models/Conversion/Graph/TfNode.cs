using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Katalyst.Models.Conversion.Graph;

/// <summary>
/// One node of a TF.js graph model (<c>modelTopology.node[i]</c>): its op, data inputs and attributes. Attributes are
/// protobuf JSON: strings are base64 (<c>"U0FNRQ=="</c> is SAME) and 64-bit integers are JSON strings.
/// </summary>
internal sealed record TfNode(string Name, string Op, IReadOnlyList<string> Inputs, JsonObject Attributes)
{
    /// <summary>The nodes of a graph model's topology, by name.</summary>
    public static Dictionary<string, TfNode> Parse(JsonObject topology, string source)
    {
        var nodes = topology["node"] as JsonArray ?? throw new InvalidDataException($"{source}: modelTopology.node is missing.");
        var byName = new Dictionary<string, TfNode>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var where = $"{source}: modelTopology.node[{i}]";
            var node = nodes[i] as JsonObject ?? throw new InvalidDataException($"{where} is not an object.");
            var name = (string?)node["name"] ?? throw new InvalidDataException($"{where}.name is missing.");
            var op = (string?)node["op"] ?? throw new InvalidDataException($"{where} ('{name}').op is missing.");
            var inputs = (node["input"] as JsonArray ?? [])
                .Select(n => (string?)n ?? throw new InvalidDataException($"{where} ('{name}').input holds a non-string."))
                .Where(n => !n.StartsWith('^')) // control dependencies order execution only
                .Select(n => DataInput(n, $"{where} ('{name}')"))
                .ToList();
            if (!byName.TryAdd(name, new TfNode(name, op, inputs, node["attr"] as JsonObject ?? [])))
            {
                throw new InvalidDataException($"{where}: a second node named '{name}'.");
            }
        }

        return byName;
    }

    /// <summary>A string attribute (base64-decoded), or <paramref name="fallback"/> when absent.</summary>
    public string? String(string key, string? fallback = null) =>
        Attributes[key]?["s"] is JsonNode s ? Encoding.UTF8.GetString(System.Convert.FromBase64String((string)s!)) : fallback;

    /// <summary>A list of integers (<c>list.i</c>), or empty when absent.</summary>
    public long[] Ints(string key) =>
        (Attributes[key]?["list"]?["i"] as JsonArray ?? []).Select(i => long.Parse((string)i!, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>A list of strings (<c>list.s</c>, base64-decoded), or empty when absent.</summary>
    public string[] Strings(string key) =>
        (Attributes[key]?["list"]?["s"] as JsonArray ?? []).Select(s => Encoding.UTF8.GetString(System.Convert.FromBase64String((string)s!))).ToArray();

    /// <summary>A boolean attribute, or <paramref name="fallback"/>.</summary>
    public bool Bool(string key, bool fallback = false) => Attributes[key]?["b"] is JsonNode b ? (bool)b : fallback;

    /// <summary>An error naming this node.</summary>
    public InvalidDataException Unsupported(string what) => new($"Node '{Name}' ({Op}): {what}");

    private static string DataInput(string input, string where)
    {
        var colon = input.LastIndexOf(':');
        if (colon < 0)
        {
            return input;
        }

        return input[(colon + 1)..] == "0" ? input[..colon] : throw new InvalidDataException($"{where} reads output {input}; only first outputs are supported.");
    }
}
