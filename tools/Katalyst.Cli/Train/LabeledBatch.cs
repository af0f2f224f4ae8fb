using System.Globalization;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Scoring;

namespace Katalyst.Cli.Train;

/// <summary>The ground truth of one generated referral (from <c>labels.csv</c>).</summary>
/// <param name="Tier">The true tier, 1 to 5.</param>
/// <param name="Indicators">The seven text indicators, in <c>TextIndicatorNames</c> order.</param>
internal sealed record ReferralLabel(int Tier, bool[] Indicators);

/// <summary>One generated referral ready for training: its scoring request and its labels.</summary>
internal sealed record LabeledReferral(ScoreRequest Request, ReferralLabel Label);

/// <summary>
/// A batch folder written by <c>katalyst generate</c>, read for training: every package as a scoring request (the
/// same mapping the service's callers use) joined with <c>labels.csv</c>, with known-material matching from
/// <c>known-hashes.csv</c>.
/// </summary>
internal static class LabeledBatch
{
    public static async Task<IReadOnlyList<LabeledReferral>> ReadAsync(string folder, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var labels = ReadLabels(Path.Combine(folder, "labels.csv"));
        var knownPath = Path.Combine(folder, "known-hashes.csv");
        var context = ScoringContext.Pakistan(File.Exists(knownPath) ? KnownHashList.Load(knownPath) : KnownHashList.Empty);
        var reader = new PackageScoringReader(context);
        var result = new List<LabeledReferral>(labels.Count);
        var done = 0;
        await Parallel.ForEachAsync(PackageSource.Enumerate(folder), cancellationToken, async (package, ct) =>
        {
            using (package)
            {
                var input = await reader.ReadAsync(package, ct);
                if (input.Request is null)
                {
                    throw new InvalidDataException($"{input.Package}: {input.Error}");
                }

                if (!labels.TryGetValue(input.Request.ReportId, out var label))
                {
                    throw new InvalidDataException($"{input.Package}: report {input.Request.ReportId} has no row in labels.csv");
                }

                lock (result)
                {
                    result.Add(new LabeledReferral(input.Request, label));
                    progress?.Report(++done);
                }
            }
        });

        // Parallel reading finishes in any order; training must not depend on it.
        result.Sort((a, b) => a.Request.ReportId.CompareTo(b.Request.ReportId));
        return result;
    }

    public static Dictionary<long, ReferralLabel> ReadLabels(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: train needs a folder written by 'katalyst generate'", path);
        }

        var labels = new Dictionary<long, ReferralLabel>();
        var line = 0;
        foreach (var row in File.ReadLines(path))
        {
            if (line++ == 0 || row.Length == 0)
            {
                continue;
            }

            var parts = row.Split(',');
            if (parts.Length != 9
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var reportId)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var tier) || tier is < 1 or > 5)
            {
                throw new InvalidDataException($"{path} line {line}: expected reportId,tier(1-5) and seven 0/1 indicators");
            }

            labels[reportId] = new ReferralLabel(tier, parts[2..].Select(p => p == "1").ToArray());
        }

        return labels;
    }
}
