using System.Text.Json;
using System.Text.RegularExpressions;

namespace Katalyst.Deploy.Tests.Images;

/// <summary>One COPY instruction: sources relative to the build context (the publish folder) and a destination.</summary>
internal sealed record CopyInstruction(IReadOnlyList<string> Sources, string Destination, int Line);

/// <summary>
/// The parts of a Dockerfile these tests check, read the way Docker reads them: comments dropped, backslash
/// continuations joined, instructions case-insensitive.
/// </summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(string path, IReadOnlyList<(int Line, string Keyword, string Arguments)> instructions)
    {
        Path = path;
        Instructions = instructions;
    }

    public string Path { get; }

    public IReadOnlyList<(int Line, string Keyword, string Arguments)> Instructions { get; }

    /// <summary>Every COPY or ADD; a COPY --from (another stage) would not read the publish folder and is refused.</summary>
    public IEnumerable<CopyInstruction> Copies => Instructions
        .Where(i => i.Keyword is "COPY" or "ADD")
        .Select(i =>
        {
            var words = i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(w => w.StartsWith("--from", StringComparison.Ordinal)))
            {
                throw new InvalidDataException($"{Path} line {i.Line}: COPY --from needs a build stage; the images are built from publish output only.");
            }

            var operands = words.Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToList();
            return new CopyInstruction(operands[..^1], operands[^1], i.Line);
        });

    /// <summary>The ENV settings, in order (later wins).</summary>
    public IReadOnlyDictionary<string, string> Environment => Instructions
        .Where(i => i.Keyword == "ENV")
        .SelectMany(i => EnvPair().Matches(i.Arguments).Select(m => (m.Groups["key"].Value, m.Groups["value"].Value)))
        .GroupBy(p => p.Item1)
        .ToDictionary(g => g.Key, g => g.Last().Item2);

    /// <summary>The exec-form ENTRYPOINT, e.g. <c>["dotnet", "Portal.Blazor.dll"]</c>.</summary>
    public IReadOnlyList<string> Entrypoint
    {
        get
        {
            var entry = Instructions.Last(i => i.Keyword == "ENTRYPOINT");
            return JsonSerializer.Deserialize<string[]>(entry.Arguments)
                ?? throw new InvalidDataException($"{Path} line {entry.Line}: ENTRYPOINT is not an exec-form JSON array.");
        }
    }

    /// <summary>The WORKDIR the image's files are copied into.</summary>
    public string WorkDir => Instructions.Last(i => i.Keyword == "WORKDIR").Arguments.Trim();

    public static Dockerfile Read(string path)
    {
        var instructions = new List<(int, string, string)>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var start = i + 1;
            while (line.EndsWith('\\') && i + 1 < lines.Length)
            {
                line = line[..^1] + " " + lines[++i].Trim();
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            instructions.Add((start, line[..space].ToUpperInvariant(), line[(space + 1)..].Trim()));
        }

        return new Dockerfile(path, instructions);
    }

    [GeneratedRegex(@"(?<key>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S*)")]
    private static partial Regex EnvPair();
}
