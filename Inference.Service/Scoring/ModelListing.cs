using System.Globalization;
using Katalyst.Inference.Media.Models;
using Katalyst.Protos.V1;
using Katalyst.Scoring.Manifest;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Scoring;

/// <summary>
/// What <c>GetModels</c> answers: the scoring models, then every media model the converted manifest lists, each with its
/// purpose, source, licence and caveats from <c>sources.json</c> beside the scoring models (read on each call, so an edit
/// shows at once), its SHA-256 and where it runs. Media models that are off, failed or not used are listed with the reason.
/// </summary>
public sealed class ModelListing(ScoringModels scoring, IOptions<ScoringOptions> scoringOptions, MediaModelsState media, IOptions<MediaModelsOptions> mediaOptions)
{
    /// <summary>The listing as the rpc returns it.</summary>
    public GetModelsResponse Response()
    {
        var catalogue = ModelCatalogue.ReadOrExplain(Path.Combine(Path.GetFullPath(scoringOptions.Value.ModelsPath), ModelCatalogue.FileName));
        var provider = scoring.ExecutionProvider.ToString();
        var response = new GetModelsResponse { ExecutionProvider = provider };
        foreach (var entry in scoring.Manifest.Models)
        {
            var info = Info(catalogue.Describe(entry.Name), ModelKind.Scoring, entry.Version, entry.Sha256, provider, problem: "");
            info.TrainedAt = entry.TrainedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            info.TrainingCommand = entry.TrainingCommand;
            foreach (var (figure, value) in entry.Evaluation)
            {
                info.Evaluation[figure] = value;
            }

            response.Models.Add(info);
        }

        response.MediaModelsProblem = AddMediaModels(response, catalogue);
        return response;
    }

    // Loaded models are listed as the loaded set has them (the SHA-256 their files were checked against); the rest of the
    // manifest, read generically so that any converted model shows, with why it is not running.
    private string AddMediaModels(GetModelsResponse response, ModelCatalogue catalogue)
    {
        var set = media.Set;
        var problem = media.Problem;
        var loaded = (set?.Models ?? []).ToDictionary(m => m.Entry.Name, StringComparer.Ordinal);
        IReadOnlyList<MediaModelEntry> listed;
        try
        {
            listed = MediaModelManifest.Read(Path.GetFullPath(mediaOptions.Value.Path)).Models;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            // Without the manifest only the loaded models (if any) are known; say why the others cannot be listed.
            listed = [.. loaded.Values.Select(m => m.Entry)];
            problem = string.IsNullOrEmpty(problem) ? $"the media manifest cannot be read: {ex.Message}" : $"{problem}; {ex.Message}";
        }

        foreach (var entry in listed.Where(e => !loaded.ContainsKey(e.Name)).Concat(loaded.Values.Select(m => m.Entry)).DistinctBy(e => e.Name).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var description = catalogue.Describe(entry.Name, entry.SourcePackage, entry.Licence);
            var version = ModelCatalogue.VersionOf(entry.SourcePackage);
            response.Models.Add(loaded.TryGetValue(entry.Name, out var running)
                ? Info(description, ModelKind.Media, version, running.Entry.Sha256, running.Provider.ToString(), problem: "")
                : Info(description, ModelKind.Media, version, entry.Sha256, provider: "", NotRunning(set is not null, problem)));
        }

        return problem;
    }

    private static string NotRunning(bool setLoaded, string problem) =>
        setLoaded ? "converted but not loaded: this service does not run it" : $"not loaded: {problem}";

    private static ModelInfo Info(ModelDescription description, ModelKind kind, string version, string sha256, string provider, string problem)
    {
        var info = new ModelInfo
        {
            Name = description.Name,
            Version = version,
            Sha256 = sha256,
            Purpose = description.Purpose,
            Source = description.Source,
            Licence = description.Licence,
            ExecutionProvider = provider,
            Kind = kind,
            Problem = problem,
        };
        info.Caveats.AddRange(description.Caveats);
        return info;
    }
}
