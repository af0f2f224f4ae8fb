using System.CommandLine;
using Katalyst.Cli.Partners;
using Katalyst.Cli.Score;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Scoring.Balancing;

namespace Katalyst.Cli.Models;

/// <summary>
/// <c>katalyst models list [--server URL]</c>: each model with its version, source package, licence, SHA-256 and execution
/// provider, then its caveats. Without <c>--server</c> it reads the local models folder (and checks every file's SHA-256);
/// with it, it asks the scoring service's <c>GetModels</c> what it runs.
/// </summary>
internal static class ModelsListCommand
{
    /// <summary>Exit code when a model is missing, altered or unlisted locally, or the service could not be asked.</summary>
    public const int Incomplete = 1;

    /// <summary>Exit code when the models folder does not exist or an option is wrong.</summary>
    public const int Refused = 2;

    private const string Name = "katalyst models list";

    public static Command Create()
    {
        var server = new Option<string?>("--server") { Description = $"Ask this scoring service what it runs instead of reading --dir. {ServerOption.Help}" };
        var apiKey = ApiKeyOption.Create();
        var dir = new Option<string>("--dir")
        {
            Description = "The local models folder: manifest.json (trained scoring models), media/manifest.json (converted media models) and sources.json (licences and caveats).",
            DefaultValueFactory = _ => "models",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of the table." };
        var command = new Command("list", "Print each model: name, version, source package, licence, SHA-256 and execution provider, then its caveats. Exit 1 when a local model is missing or altered.")
        {
            server, apiKey, dir, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var address = result.GetValue(server);
            ScoringTarget? target = null;
            if (address is not null && !ServerOption.TryRead(address, Name, out target))
            {
                return Refused;
            }

            var listing = target is null ? Local(result.GetValue(dir)!) : await RemoteAsync(target, result.GetValue(apiKey), ct);
            if (listing is null)
            {
                return target is null ? Refused : Incomplete;
            }

            if (result.GetValue(json))
            {
                ModelTable.WriteJson(System.Console.Out, listing);
            }
            else
            {
                ModelTable.WriteText(System.Console.Out, listing);
            }

            // Locally a problem is a missing or altered file; a service's models that are off or not used are its configuration.
            return target is null && (listing.Notes.Count > 0 || listing.Models.Any(m => m.Problem.Length > 0)) ? Incomplete : 0;
        });
        return command;
    }

    private static ModelListingResult? Local(string folder)
    {
        try
        {
            return LocalModels.List(folder);
        }
        catch (DirectoryNotFoundException ex)
        {
            System.Console.Error.WriteLine($"{Name}: {ex.Message}");
            return null;
        }
    }

    private static async Task<ModelListingResult?> RemoteAsync(ScoringTarget target, string? apiKey, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new ScoringClient(target, apiKey);
            var models = await client.GetModelsAsync(cancellationToken);
            List<string> notes = models.MediaModelsProblem.Length > 0 ? [$"media models: {models.MediaModelsProblem}"] : [];
            return new ModelListingResult(
                client.Target,
                models.ExecutionProvider,
                notes,
                [.. models.Models.Select(m => new ModelRow(m.Name, m.Kind, m.Version, m.Source, m.Licence, m.Sha256, m.ExecutionProvider, m.Purpose, m.Caveats, m.Problem))]);
        }
        catch (ScoringServiceException ex)
        {
            System.Console.Error.WriteLine($"{Name}: {ex.Message}");
            return null;
        }
    }
}
