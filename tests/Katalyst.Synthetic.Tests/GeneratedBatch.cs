using System.Xml.Linq;

namespace Katalyst.Synthetic.Tests;

/// <summary>One 2,000-referral batch with media, generated once and read by many tests.</summary>
public sealed class GeneratedBatch : IDisposable
{
    public const int Count = 2000;
    public const int Seed = 20240601;

    public GeneratedBatch()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "katalyst-synth-" + Guid.NewGuid().ToString("N"));
        Summary = new ReferralGenerator(new GeneratorOptions { Count = Count, Seed = Seed, OutputDirectory = Directory, Media = true })
            .Generate();
        Packages = System.IO.Directory.GetDirectories(Directory).Order(StringComparer.Ordinal).ToArray();
        Labels = Csv("labels.csv").ToDictionary(r => long.Parse(r[0]), r => r);
        Subjects = Csv("subjects.csv").ToDictionary(r => long.Parse(r[0]), r => r[1]);
        KnownHashes = Csv("known-hashes.csv").Select(r => r[1]).ToHashSet(StringComparer.Ordinal);
        Mismatches = Csv("hash-mismatches.csv").Select(r => r[1]).ToHashSet(StringComparer.Ordinal);
        Reports = Packages.ToDictionary(p => long.Parse(System.IO.Path.GetFileName(p)), p => XDocument.Load(System.IO.Path.Combine(p, "report.xml")));
    }

    public string Directory { get; }
    public GenerationSummary Summary { get; }
    public string[] Packages { get; }
    public Dictionary<long, string[]> Labels { get; }
    public Dictionary<long, string> Subjects { get; }
    public HashSet<string> KnownHashes { get; }
    public HashSet<string> Mismatches { get; }
    public Dictionary<long, XDocument> Reports { get; }

    public IEnumerable<string[]> Csv(string name) =>
        File.ReadAllLines(System.IO.Path.Combine(Directory, name)).Skip(1).Select(l => l.Split(','));

    public IEnumerable<(long ReportId, XDocument Doc)> FileDetails() =>
        Packages.SelectMany(p => System.IO.Directory.GetFiles(System.IO.Path.Combine(p, "files"), "*.xml")
            .Select(f => (long.Parse(System.IO.Path.GetFileName(p)), XDocument.Load(f))));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class GeneratedBatchCollection : ICollectionFixture<GeneratedBatch>
{
    public const string Name = "generated batch";
}
