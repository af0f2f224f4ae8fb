using System.CommandLine;
using System.Globalization;
using Katalyst.Media.HashSets;
using Katalyst.Media.Matching;

namespace Katalyst.Cli.Hashes;

/// <summary><c>katalyst hashes</c>: import, list, enable, disable and match known-hash sets in a hash-set folder.</summary>
internal static class HashesCommand
{
    /// <summary>Exit code of <c>match</c> when no argument matched anything.</summary>
    public const int NoMatch = 1;

    /// <summary>Exit code for a refused list, an unknown set or a bad argument.</summary>
    public const int Refused = 2;

    public static Command Create()
    {
        var command = new Command("hashes", "Known-hash sets (MD5, SHA-1, SHA-256, PDQ): import lists, list, enable or disable sets, match hashes and files.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Enable("enable", true));
        command.Subcommands.Add(Enable("disable", false));
        command.Subcommands.Add(Match());
        return command;
    }

    private static Option<string> Dir() => new("--dir")
    {
        Description = "The hash-set folder (manifest.json and one .khs file per set); the inference service reads the same folder (HashSets:Path).",
        DefaultValueFactory = _ => Path.Combine("data", "hashsets"),
    };

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = $"A CSV with the header {HashListCsv.Header} (or the generator's {HashListCsv.GeneratorHeader}); types md5, sha1, sha256, pdq." };
        var set = new Option<string>("--set") { Description = "The set's name (letters, digits, '.', '_', '-'); an existing set of that name is replaced whole.", Required = true };
        var radius = new Option<int>("--radius") { Description = "Largest PDQ Hamming distance that counts as a match for this set (0 to 64).", DefaultValueFactory = _ => HashSetManifest.DefaultRadius };
        var disabled = new Option<bool>("--disabled") { Description = "Import the set disabled (matching ignores it until 'katalyst hashes enable')." };
        var dir = Dir();
        var command = new Command("import", "Import a hash list as a named set. Any bad row refuses the whole list (each named by line), so a set is never half-imported.") { file, set, radius, disabled, dir };
        command.SetAction((result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!File.Exists(path))
            {
                return Fail($"katalyst hashes import: {path} does not exist.");
            }

            try
            {
                var import = new HashSetFolder(result.GetValue(dir)!).Import(path, result.GetValue(set)!, result.GetValue(radius), !result.GetValue(disabled), cancellationToken: ct);
                var s = import.Set;
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Imported set '{s.Name}' from {s.SourceFile}: {s.Counts.Md5:N0} md5, {s.Counts.Sha1:N0} sha1, {s.Counts.Sha256:N0} sha256, {s.Counts.Pdq:N0} pdq ({import.Rows:N0} rows, {import.Duplicates:N0} repeated digests skipped); radius {s.Radius}, {(s.Enabled ? "enabled" : "disabled")}."));
                return Task.FromResult(0);
            }
            catch (Exception ex) when (ex is HashListException or ArgumentException or IOException)
            {
                return Fail($"katalyst hashes import: {ex.Message}");
            }
        });
        return command;
    }

    private static Command List()
    {
        var dir = Dir();
        var command = new Command("list", "List the sets: name, enabled, radius, entries per type, when imported and from which file.") { dir };
        command.SetAction(result =>
        {
            var manifest = new HashSetFolder(result.GetValue(dir)!).Manifest();
            if (manifest.Sets.Count == 0)
            {
                System.Console.WriteLine($"No hash sets in {Path.GetFullPath(result.GetValue(dir)!)}.");
                return 0;
            }

            System.Console.WriteLine($"{"set",-24} {"enabled",-8} {"radius",6} {"md5",12} {"sha1",12} {"sha256",12} {"pdq",12}  {"imported at (UTC)",-20} source file");
            foreach (var s in manifest.Sets)
            {
                System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Name,-24} {(s.Enabled ? "yes" : "no"),-8} {s.Radius,6} {s.Counts.Md5,12:N0} {s.Counts.Sha1,12:N0} {s.Counts.Sha256,12:N0} {s.Counts.Pdq,12:N0}  {s.ImportedAt.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {s.SourceFile}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Enable(string name, bool enabled)
    {
        var set = new Argument<string>("NAME") { Description = "The set's name." };
        var dir = Dir();
        var command = new Command(name, enabled ? "Enable a set: matching uses it again." : "Disable a set: matching ignores it; it stays in the folder.") { set, dir };
        command.SetAction(result =>
        {
            try
            {
                var changed = new HashSetFolder(result.GetValue(dir)!).SetEnabled(result.GetValue(set)!, enabled);
                System.Console.WriteLine($"Set '{changed.Name}' is {(enabled ? "enabled" : "disabled")}.");
                return 0;
            }
            catch (KeyNotFoundException ex)
            {
                System.Console.Error.WriteLine($"katalyst hashes {name}: {ex.Message}");
                return Refused;
            }
        });
        return command;
    }

    private static Command Match()
    {
        var inputs = new Argument<string[]>("FILE|HASH") { Description = MatchArgument.Syntax, Arity = ArgumentArity.OneOrMore };
        var dir = Dir();
        var command = new Command("match", $"Match hashes and files against every enabled set. Exit code 0 when something matched, {NoMatch} when nothing did, {Refused} for a bad argument.") { inputs, dir };
        command.SetAction(result => Run(result.GetValue(inputs)!, result.GetValue(dir)!));
        return command;
    }

    private static int Run(string[] inputs, string dir)
    {
        var arguments = new List<MatchArgument>();
        foreach (var input in inputs)
        {
            var argument = MatchArgument.Parse(input, out var problem);
            if (argument is null)
            {
                System.Console.Error.WriteLine($"katalyst hashes match: {problem}. {MatchArgument.Syntax}");
                return Refused;
            }

            arguments.Add(argument);
        }

        KnownHashMatcher matcher;
        try
        {
            matcher = KnownHashMatcher.Load(new HashSetFolder(dir));
        }
        catch (InvalidDataException ex)
        {
            System.Console.Error.WriteLine($"katalyst hashes match: {ex.Message}");
            return Refused;
        }

        var matched = false;
        foreach (var argument in arguments)
        {
            foreach (var query in argument.Queries)
            {
                var label = $"{(argument.IsFile ? argument.Text + " " : "")}{query.Type.Name()}:{query.Hex}";
                var matches = matcher.Match(query);
                matched |= matches.Count > 0;
                if (matches.Count == 0)
                {
                    System.Console.WriteLine($"{label}  no match");
                }

                foreach (var m in matches)
                {
                    System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{label}  MATCH set {m.Set}, category {m.Category}{(m.Source.Length > 0 ? ", source " + m.Source : "")}, distance {m.Distance}{(m.Distance > 0 ? ", known hash " + m.MatchedHash : "")}"));
                }
            }

            if (argument.IsFile)
            {
                System.Console.WriteLine($"{argument.Text}  PDQ not matched here: run 'katalyst pdq {argument.Text}' and match its hash as 'pdq:HASH'.");
            }
        }

        if (matcher.Sets.Count == 0)
        {
            System.Console.Error.WriteLine($"katalyst hashes match: no enabled sets in {Path.GetFullPath(dir)}.");
        }

        return matched ? 0 : NoMatch;
    }

    private static Task<int> Fail(string message)
    {
        System.Console.Error.WriteLine(message);
        return Task.FromResult(Refused);
    }
}
