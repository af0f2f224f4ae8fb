using System.Text.Json.Nodes;

namespace Katalyst.Models.Conversion.Keras;

/// <summary>One layer of a Keras functional model config: its class, name, config and the layers it reads.</summary>
/// <param name="ClassName">The Keras class, e.g. <c>Conv2D</c>.</param>
/// <param name="Name">The layer's name (also the prefix of its weights' names).</param>
/// <param name="Config">Its <c>config</c> object.</param>
/// <param name="Inputs">Names of the layers whose outputs it reads, in order.</param>
internal sealed record KerasLayer(string ClassName, string Name, JsonObject Config, IReadOnlyList<string> Inputs)
{
    /// <summary>The layers of a <c>modelTopology</c>, with the model's input and output layer names.</summary>
    public static (IReadOnlyList<KerasLayer> Layers, IReadOnlyList<string> Outputs) Parse(JsonObject topology, string source)
    {
        var modelConfig = topology["model_config"] as JsonObject ?? throw new InvalidDataException($"{source}: modelTopology.model_config is missing.");
        var className = (string?)modelConfig["class_name"];
        var config = modelConfig["config"] as JsonObject ?? throw new InvalidDataException($"{source}: model_config.config is missing.");
        var layersJson = config["layers"] as JsonArray ?? throw new InvalidDataException($"{source}: model_config.config.layers is missing.");
        var sequential = className == "Sequential";
        var layers = new List<KerasLayer>();
        for (var i = 0; i < layersJson.Count; i++)
        {
            var where = $"{source}: model_config.config.layers[{i}]";
            var layer = layersJson[i] as JsonObject ?? throw new InvalidDataException($"{where} is not an object.");
            var layerClass = (string?)layer["class_name"] ?? throw new InvalidDataException($"{where}.class_name is missing.");
            var layerConfig = layer["config"] as JsonObject ?? throw new InvalidDataException($"{where}.config is missing.");
            var name = (string?)layer["name"] ?? (string?)layerConfig["name"] ?? throw new InvalidDataException($"{where}.name is missing.");
            var inputs = sequential
                ? (layers.Count == 0 ? [] : [layers[^1].Name])
                : InboundNames(layer["inbound_nodes"], $"{where} ('{name}').inbound_nodes");
            layers.Add(new KerasLayer(layerClass, name, layerConfig, inputs));
        }

        IReadOnlyList<string> outputs = sequential
            ? [layers[^1].Name]
            : (config["output_layers"] as JsonArray ?? throw new InvalidDataException($"{source}: model_config.config.output_layers is missing."))
                .Select((o, i) => (string?)(o as JsonArray)?[0] ?? throw new InvalidDataException($"{source}: output_layers[{i}] is not [name, node, tensor]."))
                .ToList();
        return (layers, outputs);
    }

    // Keras 2 writes [[["layer", nodeIndex, tensorIndex, {kwargs}], ...]]: one call of the layer, its inputs.
    private static List<string> InboundNames(JsonNode? inbound, string where)
    {
        if (inbound is not JsonArray calls)
        {
            throw new InvalidDataException($"{where} is missing.");
        }

        if (calls.Count == 0)
        {
            return [];
        }

        if (calls.Count > 1 || calls[0] is not JsonArray first)
        {
            throw new InvalidDataException($"{where}: a layer called {calls.Count} times (shared layers) is not supported.");
        }

        return first.Select((entry, i) => entry is JsonArray { Count: >= 3 } e && (string?)e[0] is { } name && (int?)e[2] == 0
                ? name
                : throw new InvalidDataException($"{where}[0][{i}] is not [\"layer\", 0, 0, {{}}] (Keras 2 format, first output).")).ToList();
    }

    /// <summary>An integer pair from the config (<c>[a, b]</c> or a single integer for both).</summary>
    public (int A, int B) Pair(string key, (int, int)? fallback = null)
    {
        return Config[key] switch
        {
            JsonArray { Count: 2 } a => ((int)a[0]!, (int)a[1]!),
            JsonValue v when v.TryGetValue<int>(out var x) => (x, x),
            null when fallback is { } f => f,
            _ => throw Bad(key, "an integer or a pair of integers"),
        };
    }

    /// <summary>A string from the config.</summary>
    public string String(string key, string? fallback = null) =>
        (string?)Config[key] ?? fallback ?? throw Bad(key, "a string");

    /// <summary>A number from the config.</summary>
    public double Number(string key, double? fallback = null) =>
        Config[key] is JsonValue v && v.TryGetValue<double>(out var x) ? x : fallback ?? throw Bad(key, "a number");

    /// <summary>A boolean from the config.</summary>
    public bool Bool(string key, bool fallback) => Config[key] is JsonValue v && v.TryGetValue<bool>(out var x) ? x : fallback;

    /// <summary>An error naming the layer and key.</summary>
    public InvalidDataException Bad(string key, string expected) =>
        new($"Layer '{Name}' ({ClassName}): config.{key} is {Config[key]?.ToJsonString() ?? "missing"}; expected {expected}.");
}
