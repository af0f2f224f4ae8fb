using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Katalyst.Media.HashSets;
using Katalyst.Media.Matching;
using Katalyst.Media.Pdq;

namespace Katalyst.Cli.Bench;

/// <summary>
/// <c>katalyst bench hashes</c>: a <see cref="PdqIndex"/> over <c>--count</c> random PDQ hashes, some of them planted
/// near-matches of the queries at every distance up to the radius; build time, memory per entry, then queries a
/// second on one thread and on every core, checking that every planted match is found each time.
/// </summary>
internal static class HashesBench
{
    private const int PlantedPerQuery = 4;

    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "PDQ hashes in the index.", DefaultValueFactory = _ => 10_000_000 };
        var queries = new Option<int>("--queries") { Description = "Distinct queries, each with 4 planted near-matches.", DefaultValueFactory = _ => 2_000 };
        var radius = new Option<int>("--radius") { Description = "Search radius (Hamming distance).", DefaultValueFactory = _ => 31 };
        var segments = new Option<int?>("--segments") { Description = "Segments the index cuts hashes into (8 to 64); default: chosen by the index's size." };
        var seconds = new Option<double>("--seconds") { Description = "Least time each timed run lasts (queries repeat).", DefaultValueFactory = _ => 5 };
        var command = new Command("hashes", "Exact PDQ search at scale: index build time, memory per entry and queries a second at a radius, every planted match checked.")
        {
            count, queries, radius, segments, seconds,
        };
        command.SetAction((result, ct) => Task.FromResult(Run(result.GetValue(count), result.GetValue(queries), result.GetValue(radius), result.GetValue(segments), result.GetValue(seconds), ct)));
        return command;
    }

    private static int Run(int count, int queryCount, int radius, int? segments, double seconds, CancellationToken cancellationToken)
    {
        if (count < 1 || queryCount < 1 || queryCount * PlantedPerQuery > count || radius is < 0 or > 64 || seconds <= 0)
        {
            System.Console.Error.WriteLine("katalyst bench hashes: --count must be at least 4 × --queries (both at least 1), --radius 0 to 64 and --seconds above 0.");
            return 2;
        }

        var culture = CultureInfo.InvariantCulture;
        var random = new Random(20261123);
        var queries = new PdqHash[queryCount];
        var hashes = GC.AllocateUninitializedArray<PdqHash>(count);
        for (var i = 0; i < count; i++)
        {
            hashes[i] = Random(random);
        }

        // Planted matches sit at spread-out entries; planted[q] lists query q's, at distances spread over 0..radius.
        var planted = new int[queryCount][];
        var positions = Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(queryCount * PlantedPerQuery).ToArray();
        for (var q = 0; q < queryCount; q++)
        {
            queries[q] = Random(random);
            planted[q] = positions[(q * PlantedPerQuery)..((q + 1) * PlantedPerQuery)];
            for (var k = 0; k < PlantedPerQuery; k++)
            {
                hashes[planted[q][k]] = At(queries[q], k == 0 ? radius : random.Next(radius + 1), random);
            }
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var index = PdqIndex.Build(hashes, segments);
        var built = watch.Elapsed;
        hashes = null;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        System.Console.WriteLine(string.Create(culture, $"index: {index.Count:N0} PDQ hashes, {index.SegmentCount} segments, built in {built.TotalSeconds:F2} s"));
        System.Console.WriteLine(string.Create(culture,
            $"memory: {index.MemoryBytes / (double)index.Count:F1} bytes/entry in the index's arrays ({index.MemoryBytes / 1048576.0:N0} MiB); managed heap grew {(after - before) / 1048576.0:N0} MiB"));

        SetFileRoundTrip(index);
        var missed = 0;
        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var (done, elapsed, misses) = Timed(index, queries, planted, radius, threads, seconds, cancellationToken);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            missed += misses;
            // CPU time as well as wall time: on a machine shared with other work the wall figure is this process's share.
            System.Console.WriteLine(string.Create(culture,
                $"radius {radius}, {threads} thread(s): {done:N0} queries in {elapsed.TotalSeconds:F2} s = {done / elapsed.TotalSeconds:N0} queries/s ({done / cpu.TotalSeconds:N0} per CPU-second); planted matches missed: {misses}"));
        }

        System.Console.WriteLine(missed == 0 ? $"every planted match found ({queryCount * PlantedPerQuery:N0} planted, each query run repeatedly)" : $"MISSED {missed} planted matches");
        return missed == 0 ? 0 : 1;
    }

    // How long a set of this size takes to write and to read back from its .khs file (what the service does at start).
    private static void SetFileRoundTrip(PdqIndex index)
    {
        var digests = GC.AllocateUninitializedArray<byte>(index.Count * 32);
        for (var i = 0; i < index.Count; i++)
        {
            HashQuery.Of(index[i]).Digest.CopyTo(digests, i * 32);
        }

        DigestColumn[] columns = [new(HashType.Md5, [], []), new(HashType.Sha1, [], []), new(HashType.Sha256, [], []), new(HashType.Pdq, digests, new int[index.Count])];
        var path = Path.Combine(Path.GetTempPath(), $"katalyst-bench-{Guid.NewGuid():N}{HashSetFile.Extension}");
        try
        {
            var watch = Stopwatch.StartNew();
            HashSetFile.Write(path, new HashSetContents([new HashLabel("bench", "")], columns));
            var written = watch.Elapsed;
            watch.Restart();
            var read = HashSetFile.Read(path);
            var readTime = watch.Elapsed;
            watch.Restart();
            var rebuilt = PdqIndex.BuildFromDigests(read[HashType.Pdq].Digests);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"set file: {new FileInfo(path).Length / 1048576.0:N0} MiB, written in {written.TotalSeconds:F2} s, read in {readTime.TotalSeconds:F2} s, indexed again in {watch.Elapsed.TotalSeconds:F2} s ({rebuilt.Count:N0} entries)"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    // Runs the queries round and round on `threads` threads until `seconds` have passed; counts planted matches missed.
    private static (long Done, TimeSpan Elapsed, int Missed) Timed(PdqIndex index, PdqHash[] queries, int[][] planted, int radius, int threads, double seconds, CancellationToken cancellationToken)
    {
        Warm(index, queries, radius);
        long done = 0;
        var missed = 0;
        var watch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, t =>
        {
            var hits = new List<PdqHit>();
            long mine = 0;
            var myMisses = 0;
            for (var q = t; watch.Elapsed.TotalSeconds < seconds || q < queries.Length; q += threads)
            {
                hits.Clear();
                index.Search(queries[q % queries.Length], radius, hits);
                foreach (var entry in planted[q % queries.Length])
                {
                    myMisses += hits.Exists(h => h.Entry == entry) ? 0 : 1;
                }

                mine++;
            }

            Interlocked.Add(ref done, mine);
            Interlocked.Add(ref missed, myMisses);
        });
        return (done, watch.Elapsed, missed);
    }

    private static void Warm(PdqIndex index, PdqHash[] queries, int radius)
    {
        var hits = new List<PdqHit>();
        foreach (var query in queries.Take(50))
        {
            index.Search(query, radius, hits);
        }
    }

    private static PdqHash Random(Random random) => new((ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63), (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63),
        (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63), (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63));

    // The origin with exactly `distance` distinct bits flipped.
    private static PdqHash At(PdqHash origin, int distance, Random random)
    {
        Span<ulong> words = [origin.Bits63To0, origin.Bits127To64, origin.Bits191To128, origin.Bits255To192];
        var bits = Enumerable.Range(0, PdqHash.BitCount).ToArray();
        random.Shuffle(bits);
        foreach (var bit in bits.AsSpan(0, distance))
        {
            words[bit / 64] ^= 1UL << (bit % 64);
        }

        return PdqHash.FromWords(words);
    }
}
