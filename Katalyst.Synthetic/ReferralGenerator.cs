using System.Diagnostics;
using Katalyst.Synthetic.Media;
using Katalyst.Synthetic.Referrals;
using Katalyst.Synthetic.Sampling;
using Katalyst.Synthetic.Subjects;
using Katalyst.Synthetic.Writing;

namespace Katalyst.Synthetic;

/// <summary>
/// Writes a deterministic batch of synthetic, non-explicit referral packages (synthetic-data.md) plus the
/// ground truth beside them: <c>labels.csv</c>, <c>subjects.csv</c>, <c>known-hashes.csv</c> and
/// <c>hash-mismatches.csv</c>. The same options give byte-identical output, however many cores run it.
/// </summary>
public sealed class ReferralGenerator
{
    /// <summary>Packages generated in parallel before their CSV rows are written in index order.</summary>
    private const int ChunkSize = 256;

    private readonly GeneratorOptions _options;

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public ReferralGenerator(GeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count < 1)
        {
            throw new ArgumentException($"Count must be at least 1 (was {options.Count}).", nameof(options));
        }

        if (string.IsNullOrWhiteSpace(options.OutputDirectory))
        {
            throw new ArgumentException("OutputDirectory is required.", nameof(options));
        }

        _options = options;
    }

    /// <summary>Generates the batch. <paramref name="progress"/> receives the number of packages written so far.</summary>
    /// <exception cref="InvalidOperationException">The output directory exists and is not empty.</exception>
    public GenerationSummary Generate(IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var dir = Path.GetFullPath(_options.OutputDirectory);
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
        {
            throw new InvalidOperationException($"OutputDirectory '{dir}' is not empty; generate into a new or empty folder.");
        }

        Directory.CreateDirectory(dir);
        var seed = _options.Seed;
        var pool = KnownPool.Build(seed, ct);
        var planner = Planner(seed, _options.Count, pool);

        using var truth = new TruthFiles(dir);
        var knownRows = truth.WriteKnownHashes(pool);
        var tiers = new int[5];
        long fileDetails = 0, mediaFiles = 0;
        var mismatches = 0;
        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
        for (var start = 0; start < _options.Count; start += ChunkSize)
        {
            var end = Math.Min(_options.Count, start + ChunkSize);
            var rows = new TruthRow[end - start];
            Parallel.For(start, end, parallel, i =>
            {
                var plan = planner.Plan(i);
                var result = PackageWriter.Write(dir, plan, pool, seed, _options.Media);
                rows[i - start] = new TruthRow(plan, Labels.TierRules.Tier(plan), result);
            });

            foreach (var row in rows)
            {
                truth.Append(row);
                tiers[row.Tier - 1]++;
                fileDetails += row.Result.FileDetails;
                mediaFiles += row.Result.MediaFiles;
                mismatches += row.Result.WrongMd5FileIds.Count;
            }

            progress?.Report(end);
        }

        return new GenerationSummary(_options.Count, fileDetails, mediaFiles, knownRows, mismatches, tiers, clock.Elapsed);
    }

    /// <summary>The planner a run uses; tests re-plan packages with it to see what the writer was told.</summary>
    internal static ReferralPlanner Planner(int seed, int count, KnownPool pool)
    {
        var subjects = SubjectAssignment.Plan(seed, count);
        var epoch = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays((uint)SeedMix.Derive(seed, RandomStream.Batch, 1) % 365);
        return new ReferralPlanner(seed, subjects, pool, epoch, TimeSpan.FromDays(365));
    }
}
