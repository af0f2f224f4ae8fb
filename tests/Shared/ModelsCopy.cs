namespace Katalyst.Tests;

/// <summary>A temporary copy of a models folder, so a test may change rules.json without touching the built models.</summary>
internal static class ModelsCopy
{
    /// <summary>Copies every file of <paramref name="modelsFolder"/> into a new temporary folder and returns its path.</summary>
    public static string From(string modelsFolder)
    {
        var copy = Directory.CreateTempSubdirectory("katalyst-models-").FullName;
        foreach (var file in Directory.GetFiles(modelsFolder))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }
}
