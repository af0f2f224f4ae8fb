namespace Katalyst.Media.Tests.HashSets;

/// <summary>A temporary folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("katalyst-hashsets-").FullName;

    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    public string Write(string name, string text)
    {
        File.WriteAllText(this[name], text);
        return this[name];
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Imports with the test's cancellation token.</summary>
internal static class Imports
{
    public static Katalyst.Media.HashSets.HashSetImport Run(Katalyst.Media.HashSets.HashSetFolder folder, string csv, string name, int radius = 31) =>
        folder.Import(csv, name, radius, cancellationToken: TestContext.Current.CancellationToken);
}
