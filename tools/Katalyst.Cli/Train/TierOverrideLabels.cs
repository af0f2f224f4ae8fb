using System.Globalization;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Workflow;
using StoredLabel = Katalyst.Referrals.Store.Workflow.ReferralLabel;

namespace Katalyst.Cli.Train;

/// <summary>What the supervisors' tier overrides added to a training run.</summary>
/// <param name="Used">Overridden referrals trained on with the supervisor's tier.</param>
/// <param name="Replaced">Of those, referrals of <c>--data</c> whose generated tier the override replaced.</param>
/// <param name="Skipped">Overrides not used, each with the reason (the referral is no longer stored, the override was cleared).</param>
internal sealed record TierOverrideUse(int Used, int Replaced, IReadOnlyList<string> Skipped);

/// <summary>
/// The supervisors' tier overrides kept in a store (the portal's "override tier", each with its reason) read back as
/// training labels for <c>katalyst train priority --overrides-db</c>: a person's judgement of a referral outranks the
/// generated truth for that referral. Only the latest override of each referral counts.
/// </summary>
internal static class TierOverrideLabels
{
    /// <summary>Reads every referral's latest override and maps the referral to a scoring request as scoring does.</summary>
    public static async Task<(IReadOnlyList<LabeledReferral> Referrals, IReadOnlyList<string> Skipped)> ReadAsync(
        StoreOptions store, ScoringContext context, CancellationToken cancellationToken)
    {
        var dataSource = StoreDataSource.FromOptions(store);
        var labels = await new WorkflowStore(dataSource, new WorkflowOptions()).LabelsAsync(StoredLabel.TierOverrideKind, cancellationToken);
        var queries = new ReferralQueries(dataSource);
        var referrals = new List<LabeledReferral>();
        var skipped = new List<string>();
        foreach (var label in Latest(labels))
        {
            if (!int.TryParse(label.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var tier) || tier is < 1 or > 5)
            {
                skipped.Add($"report {label.ReportId}: the latest override ('{label.Value}', {label.At:u}) is not a tier 1 to 5");
                continue;
            }

            var referral = await queries.GetAsync(label.ReportId, cancellationToken);
            if (referral is null)
            {
                skipped.Add($"report {label.ReportId}: overridden, but the store no longer holds the referral");
                continue;
            }

            var files = referral.Files.Select(f => new FileFacts(f.FileId, f.Details, f.Md5, f.Sha1));
            // A supervisor overrides the tier only; the text indicators stay unlabelled (priority training reads tiers).
            referrals.Add(new LabeledReferral(ScoreRequestMapper.Map(referral.Manifest, referral.Report, files, context), new ReferralLabel(tier, [])));
        }

        return (referrals, skipped);
    }

    /// <summary>
    /// The training set with the overrides in: an overridden referral of the batch takes the supervisor's tier, the
    /// others are added; overridden referrals leave the held-out set, whose figures judge against generated truth.
    /// </summary>
    public static (IReadOnlyList<LabeledReferral> Train, IReadOnlyList<LabeledReferral> HeldOut, int Replaced) Merge(
        IReadOnlyList<LabeledReferral> train, IReadOnlyList<LabeledReferral> heldOut, IReadOnlyList<LabeledReferral> overrides)
    {
        var overridden = overrides.Select(o => o.Request.ReportId).ToHashSet();
        var replaced = train.Count(r => overridden.Contains(r.Request.ReportId)) + heldOut.Count(r => overridden.Contains(r.Request.ReportId));
        var merged = train.Where(r => !overridden.Contains(r.Request.ReportId)).Concat(overrides).OrderBy(r => r.Request.ReportId).ToList();
        return (merged, heldOut.Where(r => !overridden.Contains(r.Request.ReportId)).ToList(), replaced);
    }

    private static IEnumerable<StoredLabel> Latest(IReadOnlyList<StoredLabel> oldestFirst) =>
        oldestFirst.GroupBy(l => l.ReportId).Select(g => g.Last());
}
