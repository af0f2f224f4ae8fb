using System.Text.Json.Nodes;

namespace Katalyst.Models.Tests.Parity;

/// <summary>A committed parity fixture (<c>Parity/Fixtures/NAME.json</c>, written by <c>tools/parity/*.mjs</c>): the inputs' recipes and TF.js's outputs.</summary>
internal sealed record ParityFixture(string Model, string Package, int Size, string Scale, string[] Recipes, IReadOnlyDictionary<string, float[][]> Outputs)
{
    public static ParityFixture Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Parity", "Fixtures", name + ".json");
        var json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path} is not a JSON object.");
        var recipes = json["inputs"]!.AsArray().Select(i => (string)i!["recipe"]!).ToArray();
        var outputs = json["outputs"]!.AsObject().ToDictionary(
            o => o.Key,
            o => o.Value!.AsArray().Select(row => Flatten(row!).ToArray()).ToArray());
        return new ParityFixture((string)json["model"]!, (string)json["package"]!, (int)json["size"]!, (string)json["scale"]!, recipes, outputs);
    }

    private static IEnumerable<float> Flatten(JsonNode node) =>
        node is JsonArray array ? array.SelectMany(n => Flatten(n!)) : [node.GetValue<float>()];
}
