using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Katalyst.Deploy.Tests.Manifests;

/// <summary>A YAML document read as plain maps and lists, with the file it came from.</summary>
internal sealed record YamlDocument(string File, Dictionary<object, object?> Root)
{
    public string Kind => Root.TryGetValue("kind", out var kind) ? kind as string ?? "" : "";

    public string Name => Path<string>("metadata", "name") ?? "";

    /// <summary>The value at a path of keys, or default when any step is missing.</summary>
    public T? Path<T>(params string[] keys) => YamlDocuments.At<T>(Root, keys);
}

/// <summary>Reads deploy/'s YAML files (several documents per file) and walks them.</summary>
internal static class YamlDocuments
{
    public static string Folder(string name) => System.IO.Path.Combine(RepositoryFolder.Root, "deploy", name);

    public static IReadOnlyList<YamlDocument> Read(string file)
    {
        var deserializer = new DeserializerBuilder().Build();
        using var reader = new StringReader(File.ReadAllText(file));
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        var documents = new List<YamlDocument>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize<Dictionary<object, object?>>(parser) is { } root)
            {
                documents.Add(new YamlDocument(System.IO.Path.GetFileName(file), root));
            }
        }

        return documents;
    }

    public static T? At<T>(object? node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not Dictionary<object, object?> map || !map.TryGetValue(key, out node))
            {
                return default;
            }
        }

        return node is T value ? value : default;
    }

    /// <summary>Every map anywhere under <paramref name="node"/> (depth first), for finding references wherever they sit.</summary>
    public static IEnumerable<Dictionary<object, object?>> Maps(object? node)
    {
        switch (node)
        {
            case Dictionary<object, object?> map:
                yield return map;
                foreach (var child in map.Values.SelectMany(Maps))
                {
                    yield return child;
                }

                break;
            case List<object?> list:
                foreach (var child in list.SelectMany(Maps))
                {
                    yield return child;
                }

                break;
        }
    }
}
