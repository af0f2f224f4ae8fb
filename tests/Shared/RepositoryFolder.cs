namespace Katalyst.Tests;

/// <summary>The checkout's root: the folder above the test binaries that holds Katalyst.sln.</summary>
internal static class RepositoryFolder
{
    private static readonly Lazy<string> RootPath = new(Find);

    /// <summary>The folder holding Katalyst.sln.</summary>
    public static string Root => RootPath.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Katalyst.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Katalyst.sln not found above the test binaries");
    }
}
