namespace Katalyst.Synthetic.Tests;

/// <summary>Finds ../shared/spec by walking up from the test binaries (specs are never copied into the repo).</summary>
internal static class SharedSpec
{
    public static string Directory { get; } = Locate();

    public static string Path(string name) => System.IO.Path.Combine(Directory, name);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var inside = System.IO.Path.Combine(dir.FullName, "shared", "spec");
            if (System.IO.Directory.Exists(inside))
            {
                return inside;
            }

            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Katalyst.sln")) && dir.Parent is not null)
            {
                var sibling = System.IO.Path.Combine(dir.Parent.FullName, "shared", "spec");
                if (System.IO.Directory.Exists(sibling))
                {
                    return sibling;
                }
            }
        }

        throw new DirectoryNotFoundException($"No shared/spec found above {AppContext.BaseDirectory}.");
    }
}
