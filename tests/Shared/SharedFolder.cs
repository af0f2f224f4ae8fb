namespace Katalyst.Tests;

/// <summary>
/// Locates the shared spec folder (XSD, samples) that lives beside the repository, never in it:
/// walks up from the test binaries until a folder holds <c>shared/spec</c>, or until the folder
/// holding Katalyst.sln has a sibling <c>../shared/spec</c>.
/// </summary>
internal static class SharedFolder
{
    private static readonly Lazy<string> RootPath = new(Find);

    /// <summary>The <c>shared</c> folder.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The <c>shared/spec</c> folder.</summary>
    public static string Spec => Path.Combine(Root, "spec");

    /// <summary>The <c>shared/spec/samples</c> folder.</summary>
    public static string Samples => Path.Combine(Spec, "samples");

    /// <summary>The full path of one sample document; fails if it is not there.</summary>
    public static string Sample(string name)
    {
        var path = Path.Combine(Samples, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"sample {name} is not in {Samples}", path);
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var inside = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(inside, "spec")))
            {
                return inside;
            }

            if (File.Exists(Path.Combine(dir.FullName, "Katalyst.sln")) && dir.Parent is { } parent
                && Directory.Exists(Path.Combine(parent.FullName, "shared", "spec")))
            {
                return Path.Combine(parent.FullName, "shared");
            }
        }

        throw new DirectoryNotFoundException(
            $"no shared/spec folder found above {AppContext.BaseDirectory}; the tests read the XSD and samples from ../shared beside the repository");
    }
}
