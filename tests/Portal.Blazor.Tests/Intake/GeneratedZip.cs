using System.IO.Compression;
using Katalyst.Synthetic;

namespace Katalyst.Portal.Tests.Intake;

/// <summary>A zip of generated referral packages in a temporary folder, as an agency would upload one.</summary>
internal sealed class GeneratedZip : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-upload-").FullName;

    public GeneratedZip(int count, int seed, Action<string>? alter = null)
    {
        var packages = System.IO.Path.Combine(folder, "packages");
        new ReferralGenerator(new GeneratorOptions { Count = count, Seed = seed, OutputDirectory = packages }).Generate();
        foreach (var beside in Directory.GetFiles(packages))
        {
            File.Delete(beside); // labels and hash lists are the generator's, not part of a delivery
        }

        alter?.Invoke(packages);
        Path = System.IO.Path.Combine(folder, "delivery.zip");
        ZipFile.CreateFromDirectory(packages, Path);
        ReportIds = [.. Directory.GetDirectories(packages).Select(d => long.Parse(System.IO.Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture)).Order()];
    }

    /// <summary>The zip.</summary>
    public string Path { get; }

    /// <summary>The report numbers of the packages inside.</summary>
    public IReadOnlyList<long> ReportIds { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
