using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;
using Katalyst.Synthetic.Media;
using Katalyst.Synthetic.Referrals;

namespace Katalyst.Synthetic.Tests;

/// <summary>
/// The generator's near-duplicates are what perceptual matching is meant to find (synthetic-data.md: "resized,
/// re-encoded, slightly cropped or recoloured copies so that perceptual matching is exercised"): judged with the
/// project's own decoder and PDQ hasher, every kind lands within PDQ's default radius (31) of its original, with a
/// usable quality (50 or more), and every known-pool picture's own hash is usable.
/// </summary>
public sealed class NearDuplicateTests
{
    private const int Seed = 5005;
    private const int PerKind = 60;
    private static readonly ImageDecoder Decoder = new();

    [Fact]
    public void KnownPool_EveryPicture_HasUsablePdqQuality()
    {
        var pool = KnownPool.Build(Seed, TestContext.Current.CancellationToken);

        var poor = pool.Images.Select(i => (i.Index, i.Spec.Pattern, Quality: Hash(i.Bytes).Quality)).Where(i => i.Quality < 50).ToList();

        Assert.True(poor.Count == 0, $"{poor.Count} of {pool.Images.Count} pool pictures have PDQ quality below 50: "
            + string.Join("; ", poor.Take(20).Select(p => $"#{p.Index} {p.Pattern} {p.Quality}")));
    }

    [Fact]
    public void Render_PlannedNearDuplicatesOfEveryKind_WithinPdqRadiusWithUsableQuality()
    {
        var pool = KnownPool.Build(Seed, TestContext.Current.CancellationToken);
        var sample = PlannedNearDuplicates(pool);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var distances = new System.Collections.Concurrent.ConcurrentBag<(NearDuplicateKind Kind, int Distance)>();

        Parallel.ForEach(sample, file =>
        {
            var original = pool.Images[file.KnownIndex];
            var result = Hash(NearDuplicate.Render(original, file.NearKind, file.NearAmount, file.Encoding, file.JpegQuality));
            var distance = result.Hash.DistanceTo(PdqHash.Parse(original.Pdq));
            distances.Add((file.NearKind, distance));
            if (distance > 31 || result.Quality < 50)
            {
                failures.Add($"{file.NearKind} amount {file.NearAmount} of #{original.Index} {original.Spec.Pattern} {original.Spec.Width}x{original.Spec.Height} as {file.Encoding} {file.JpegQuality}: distance {distance}, quality {result.Quality}");
            }
        });

        Assert.All(Enum.GetValues<NearDuplicateKind>(), kind => Assert.Equal(PerKind, sample.Count(f => f.NearKind == kind)));
        TestContext.Current.TestOutputHelper?.WriteLine("PDQ distance to the original per kind (median / 90th percentile / largest): " + string.Join(", ",
            distances.GroupBy(d => d.Kind).OrderBy(g => g.Key).Select(g => (g.Key, D: g.Select(d => d.Distance).Order().ToList()))
                .Select(k => $"{k.Key} {k.D[k.D.Count / 2]} / {k.D[k.D.Count * 9 / 10]} / {k.D[^1]}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sample.Count} near-duplicates beyond distance 31 or unusable:\n" + string.Join("\n", failures.Order().Take(40)));
    }

    // The near-duplicates the planner itself asks for (kind, amount, encoding), PerKind of each kind.
    private static List<FilePlan> PlannedNearDuplicates(KnownPool pool)
    {
        var planner = ReferralGenerator.Planner(Seed, 5000, pool);
        var sample = new List<FilePlan>();
        for (var i = 0; i < 5000 && Enum.GetValues<NearDuplicateKind>().Any(k => sample.Count(f => f.NearKind == k) < PerKind); i++)
        {
            sample.AddRange(planner.Plan(i).Files.Where(f => f.Source == FileSource.NearDuplicate && sample.Count(s => s.NearKind == f.NearKind) < PerKind));
        }

        return sample;
    }

    private static PdqResult Hash(byte[] bytes)
    {
        using var decoded = Decoder.Decode(bytes, "near-duplicate");
        return PdqHasher.Hash(decoded.Pixels);
    }
}
