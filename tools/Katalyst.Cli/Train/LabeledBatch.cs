using System.Globalization;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Scoring;
using Katalyst.Scoring.Priority;

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
        AddLinks(Path.Combine(folder, "subjects.csv"), result);
        return result;
    }

    /// <summary>
    /// Stands in for Katalyst's linking (issue 6) while training: the generator's true suspects (<c>subjects.csv</c>)
    /// say how many other referrals of the batch concern the same suspect, as linking will at scoring time. Scoring
    /// itself never reads subjects.csv; without links at scoring time, <c>linked_referrals</c> is only NCMEC's
    /// relatedReports.
    /// </summary>
    private static void AddLinks(string subjectsPath, List<LabeledReferral> referrals)
    {
        if (!File.Exists(subjectsPath))
        {
            return;
        }

        var subjectOf = new Dictionary<long, string>();
        foreach (var row in File.ReadLines(subjectsPath).Skip(1))
        {
            var comma = row.IndexOf(',', StringComparison.Ordinal);
            if (comma > 0 && long.TryParse(row.AsSpan(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out var reportId))
            {
                subjectOf[reportId] = row[(comma + 1)..];
            }
        }

        var counts = subjectOf.Values.Where(s => s.Length > 0).GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var referral in referrals)
        {
            if (subjectOf.TryGetValue(referral.Request.ReportId, out var subject) && counts.TryGetValue(subject, out var count) && count > 1)
            {
                referral.Request.LinkedReferrals = Math.Max(referral.Request.LinkedReferrals, count - 1);
            }
        }
    }

    public static Dictionary<long, ReferralLabel> ReadLabels(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path} is missing: train needs a folder written by 'katalyst generate' (labels.csv beside the packages).");
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

            var flags = new bool[TextIndicatorNames.All.Count];
            for (var k = 0; k < flags.Length; k++)
            {
                flags[k] = parts[2 + k] switch
                {
                    "1" => true,
                    "0" => false,
                    var other => throw new InvalidDataException($"{path} line {line}, column {TextIndicatorNames.All[k]}: \"{other}\" is not 0 or 1"),
                };
            }

            labels[reportId] = new ReferralLabel(tier, flags);
        }

        return labels;
    }
}
