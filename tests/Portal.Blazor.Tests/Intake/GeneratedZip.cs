using System.IO.Compression;
using Katalyst.Synthetic;

namespace Katalyst.Portal.Tests.Intake;

/// <summary>A zip of generated referral packages in a temporary folder, as an agency would upload one.</summary>
internal sealed class GeneratedZip : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-upload-").FullName;

    /// <param name="count">Packages generated.</param>
    /// <param name="seed">The generator's seed.</param>
    /// <param name="alter">Changes the package folders before they are zipped (break one, leave some out).</param>
    /// <param name="media">Files with drawn pictures and bytes (as the media analysis reads), not only their details.</param>
    public GeneratedZip(int count, int seed, Action<string>? alter = null, bool media = false)
    {
        var packages = System.IO.Path.Combine(folder, "packages");
        new ReferralGenerator(new GeneratorOptions { Count = count, Seed = seed, OutputDirectory = packages, Media = media }).Generate();
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
