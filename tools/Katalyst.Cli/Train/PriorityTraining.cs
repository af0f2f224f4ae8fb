using System.Data.Common;
using System.Globalization;
using Katalyst.Referrals.Scoring;
using Katalyst.Referrals.Store;
using Katalyst.Scoring.Evaluation;
using Katalyst.Scoring.Priority;
using Katalyst.Scoring.Runtime;
using Katalyst.Scoring.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Cli.Train;

/// <summary>
/// <c>katalyst train priority</c>: runs the trained text model over every referral, fits the priority model on the
/// policy's signals, reports the held-out tier confusion, tier-1 recall, Brier score and reliability table (with the
/// supervisor's rules applied, as the service does), and writes ONNX and the manifest entry.
/// </summary>
internal static class PriorityTraining
{
    public const string ModelName = "priority";
    public const string FileName = "priority.onnx";

    public static async Task<int> RunAsync(TrainArguments arguments, CancellationToken cancellationToken)
    {
        var textModel = Path.Combine(arguments.Out, TextTraining.FileName);
        if (!File.Exists(textModel))
        {
            await System.Console.Error.WriteLineAsync($"{textModel} is missing: run 'katalyst train text --out {arguments.Out}' first.");
            return 2;
        }

        var data = await TrainingData.ReadAsync(arguments, cancellationToken);
        if (arguments.Overrides is { } store)
        {
            try
            {
                data = await WithOverridesAsync(data, arguments.Data, store, cancellationToken);
            }
            catch (DbException ex)
            {
                await System.Console.Error.WriteLineAsync($"katalyst train priority: cannot read the tier overrides of --overrides-db: {ex.Message} (is it a Katalyst store, migrated by 'katalyst import' or the portal?)");
                return 2;
            }
        }

        using var session = OnnxModelSession.FromFile(textModel, new ExecutionProviderOptions(), NullLogger.Instance);
        var text = new SparseLinearRunner(session);
        var featurizer = new TextFeaturizer();
        var train = Examples(data.Train, text, featurizer);
        var fit = train.Where((_, i) => !TrainingData.IsHeldOut(data.Train[i].Request.ReportId, arguments.Seed + 1, parts: 4)).ToList();
        var validation = train.Where((_, i) => TrainingData.IsHeldOut(data.Train[i].Request.ReportId, arguments.Seed + 1, parts: 4)).ToList();
        System.Console.Error.WriteLine($"Fitting on {fit.Count:N0}, tuning on {validation.Count:N0} referrals");
        var model = PriorityTrainer.Train(fit, validation);

        ModelFolder.EnsureRules(arguments.Out);
        var rules = TierRuleSet.Read(Path.Combine(arguments.Out, TierRuleSet.FileName));
        var evaluation = Evaluate(model, rules, Examples(data.HeldOut, text, featurizer), data.HeldOutSource);
        var version = ModelFolder.Version();
        var onnx = PriorityOnnx.Build(model, new Dictionary<string, string> { ["version"] = version });
        ModelFolder.Save(arguments.Out, ModelName, FileName, onnx, version, arguments.CommandLine, evaluation);
        System.Console.WriteLine($"Wrote {Path.Combine(arguments.Out, FileName)} and its manifest entry");
        return 0;
    }

    private static async Task<TrainingData> WithOverridesAsync(TrainingData data, string batch, StoreOptions store, CancellationToken cancellationToken)
    {
        var knownPath = Path.Combine(batch, "known-hashes.csv");
        var context = ScoringContext.Pakistan(File.Exists(knownPath) ? KnownHashList.Load(knownPath) : KnownHashList.Empty);
        var (overrides, skipped) = await TierOverrideLabels.ReadAsync(store, context, cancellationToken);
        var (train, heldOut, replaced) = TierOverrideLabels.Merge(data.Train, data.HeldOut, overrides);
        System.Console.WriteLine($"Supervisors' tier overrides: {overrides.Count:N0} trained on ({replaced:N0} replaced a generated tier), {skipped.Count:N0} not used");
        foreach (var reason in skipped)
        {
            System.Console.WriteLine("  not used: " + reason);
        }

        return data with { Train = train, HeldOut = heldOut };
    }

    private static List<PriorityExample> Examples(IReadOnlyList<LabeledReferral> referrals, SparseLinearRunner text, TextFeaturizer featurizer)
    {
        var probabilities = TextIndicatorBatch.Run(text, featurizer, referrals.Select(r => ReferralTexts.Joined(r.Request.Texts)).ToList());
        var examples = new List<PriorityExample>(referrals.Count);
        for (var r = 0; r < referrals.Count; r++)
        {
            var signals = new float[PrioritySignals.Count];
            PrioritySignals.Fill(referrals[r].Request, probabilities.AsSpan(r * TextIndicators.Count, TextIndicators.Count), signals);
            examples.Add(new PriorityExample(signals, referrals[r].Label.Tier));
        }

        return examples;
    }

    private static Dictionary<string, double> Evaluate(PriorityModelParameters model, TierRuleSet rules, List<PriorityExample> heldOut, string source)
    {
        var tiers = new ConfusionMatrix(["1", "2", "3", "4", "5"]);
        var modelOnly = new ConfusionMatrix(["1", "2", "3", "4", "5"]);
        var urgentTruth = new List<bool>();
        var scores = new List<float>();
        foreach (var example in heldOut)
        {
            var prediction = OrdinalTierMath.Predict(model, model.Urgent.Value(example.Signals), model.Urgent.Contributions(example.Signals),
                model.Ordinal.Value(example.Signals), model.Ordinal.Contributions(example.Signals));
            var (tier, _) = rules.Apply(prediction.Tier, example.Signals);
            tiers.Add(example.Tier - 1, tier - 1);
            modelOnly.Add(example.Tier - 1, prediction.Tier - 1);
            urgentTruth.Add(example.Tier <= 2);
            scores.Add(prediction.Score);
        }

        var culture = CultureInfo.InvariantCulture;
        var tier1 = tiers.For(0);
        var brier = Calibration.BrierScore(urgentTruth, scores);
        System.Console.WriteLine($"Priority, held out ({source}, {heldOut.Count:N0} referrals); rows are true tiers, columns predicted (rules applied):");
        System.Console.WriteLine(tiers.ToTable());
        System.Console.WriteLine(string.Create(culture, $"Tier-1 recall {tier1.Recall:F3}, precision {tier1.Precision:F3}; accuracy {tiers.Accuracy:F3} (model alone: tier-1 recall {modelOnly.For(0).Recall:F3}, accuracy {modelOnly.Accuracy:F3})"));
        System.Console.WriteLine(string.Create(culture, $"Score = P(tier 1 or 2): Brier {brier:F4}. Reliability:"));
        System.Console.WriteLine("  bin          n   mean predicted   observed");
        foreach (var bin in Calibration.ReliabilityTable(urgentTruth, scores))
        {
            System.Console.WriteLine(string.Create(culture, $"  {bin.Lower:F1}-{bin.Upper:F1} {bin.Count,7:N0}   {bin.MeanPredicted?.ToString("F3", culture) ?? "-",14}   {bin.ObservedRate?.ToString("F3", culture) ?? "-",8}"));
        }

        var evaluation = new Dictionary<string, double>
        {
            ["tier1_recall"] = tier1.Recall,
            ["tier1_precision"] = tier1.Precision,
            ["accuracy"] = tiers.Accuracy,
            ["brier"] = brier,
            ["held_out_referrals"] = heldOut.Count,
        };
        for (var t = 1; t <= 5; t++)
        {
            evaluation[$"recall.tier{t}"] = tiers.For(t - 1).Recall;
        }

        return evaluation;
    }
}
