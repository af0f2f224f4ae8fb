using System.Text.Json.Nodes;

namespace Katalyst.Models.TfJs;

/// <summary>The two kinds of TF.js model.json.</summary>
public enum TfJsModelFormat
{
    /// <summary>A Keras model (<c>modelTopology.model_config</c>): layers with configs.</summary>
    Layers,

    /// <summary>A TensorFlow graph (<c>modelTopology.node</c>): ops with protobuf-JSON attributes.</summary>
    Graph,
}

/// <summary>A TF.js <c>model.json</c>: its format, topology and weights manifest.</summary>
/// <param name="Source">Where it was read from, for error messages.</param>
/// <param name="Format">Layers or graph model.</param>
/// <param name="Topology">The <c>modelTopology</c> object.</param>
/// <param name="WeightGroups">The <c>weightsManifest</c>.</param>
public sealed record TfJsModelJson(string Source, TfJsModelFormat Format, JsonObject Topology, IReadOnlyList<WeightGroup> WeightGroups)
{
    /// <summary>Reads a parsed model.json; <paramref name="source"/> names it in every error.</summary>
    /// <exception cref="InvalidDataException">A field is missing or of the wrong kind; the message names the source and the field path.</exception>
    public static TfJsModelJson Parse(JsonNode? json, string source)
    {
        var root = json as JsonObject ?? throw new InvalidDataException($"{source}: model.json is not a JSON object.");
        var topology = root["modelTopology"] as JsonObject ?? throw new InvalidDataException($"{source}: modelTopology is missing or not an object.");
        var format = (string?)root["format"] switch
        {
            "layers-model" => TfJsModelFormat.Layers,
            "graph-model" => TfJsModelFormat.Graph,
            // nsfwjs 4.4.0's bundles carry no format field: the topology says which it is.
            null when topology.ContainsKey("model_config") => TfJsModelFormat.Layers,
            null when topology.ContainsKey("node") => TfJsModelFormat.Graph,
            var other => throw new InvalidDataException($"{source}: format '{other}' is neither layers-model nor graph-model."),
        };

        var manifest = root["weightsManifest"] as JsonArray ?? throw new InvalidDataException($"{source}: weightsManifest is missing or not an array.");
        var groups = manifest.Select((group, g) => ParseGroup(group, $"{source}: weightsManifest[{g}]")).ToList();
        return new TfJsModelJson(source, format, topology, groups);
    }

    private static WeightGroup ParseGroup(JsonNode? node, string where)
    {
        var group = node as JsonObject ?? throw new InvalidDataException($"{where} is not an object.");
        var paths = (group["paths"] as JsonArray ?? throw new InvalidDataException($"{where}.paths is missing."))
            .Select((p, i) => (string?)p ?? throw new InvalidDataException($"{where}.paths[{i}] is not a string."))
            .ToList();
        var weights = (group["weights"] as JsonArray ?? throw new InvalidDataException($"{where}.weights is missing."))
            .Select((w, i) => ParseWeight(w, $"{where}.weights[{i}]"))
            .ToList();
        return new WeightGroup(paths, weights);
    }

    private static WeightSpec ParseWeight(JsonNode? node, string where)
    {
        var weight = node as JsonObject ?? throw new InvalidDataException($"{where} is not an object.");
        var name = (string?)weight["name"] ?? throw new InvalidDataException($"{where}.name is missing.");
        var shape = (weight["shape"] as JsonArray ?? throw new InvalidDataException($"{where} ('{name}').shape is missing."))
            .Select(d => d is JsonValue v && v.TryGetValue<double>(out var x) && x >= 0 && x == Math.Floor(x)
                ? (int)x
                : throw new InvalidDataException($"{where} ('{name}').shape holds {d?.ToJsonString() ?? "null"}, not a size."))
            .ToArray();
        var dtype = (string?)weight["dtype"] ?? throw new InvalidDataException($"{where} ('{name}').dtype is missing.");
        WeightQuantization? quantization = null;
        if (weight["quantization"] is JsonObject q)
        {
            var stored = (string?)q["dtype"] ?? throw new InvalidDataException($"{where} ('{name}').quantization.dtype is missing.");
            quantization = new WeightQuantization(stored, (double?)q["min"], (double?)q["scale"]);
            if (stored is "uint8" or "uint16" && (quantization.Min is null || quantization.Scale is null))
            {
                throw new InvalidDataException($"{where} ('{name}').quantization is {stored} but lacks min or scale.");
            }
        }

        return new WeightSpec(name, shape, dtype, quantization);
    }
}
