using System.Globalization;
using Katalyst.Referrals.Scoring;
using Katalyst.Scoring.Evaluation;
using Katalyst.Scoring.Onnx;
using Katalyst.Scoring.Runtime;
using Katalyst.Scoring.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Cli.Train;

/// <summary><c>katalyst train text</c>: fits the text indicator model, reports held-out figures, writes ONNX and the manifest entry.</summary>
internal static class TextTraining
{
    public const string ModelName = "text-indicators";
    public const string FileName = "text-indicators.onnx";

    public static async Task<int> RunAsync(TrainArguments arguments, CancellationToken cancellationToken)
    {
        var data = await TrainingData.ReadAsync(arguments, cancellationToken);
        var examples = data.Train
            .Select(r => new LabelledText(ReferralTexts.Joined(r.Request.Texts), r.Label.Indicators))
            .Where(e => e.Text.Length > 0)
            .ToList();
        System.Console.Error.WriteLine($"Training on {examples.Count:N0} referrals with text ({data.Train.Count:N0} read)");
        var trained = TextIndicatorTrainer.Train(examples, new TextTrainingOptions { Seed = arguments.Seed },
            new Console.InlineProgress<string>(stage => System.Console.Error.WriteLine($"  {stage}")), cancellationToken);

        var heldTexts = data.HeldOut.Select(r => ReferralTexts.Joined(r.Request.Texts)).ToList();
        var probabilities = heldTexts.Select(t => (IReadOnlyList<float>)trained.Model.Predict(t)).ToList();
        var truth = data.HeldOut.Select(r => (IReadOnlyList<bool>)r.Label.Indicators).ToList();
        var report = MultiLabelReport.Evaluate(TextIndicators.Names, truth, probabilities, trained.Model.Thresholds);

        var culture = CultureInfo.InvariantCulture;
        System.Console.WriteLine($"Text indicators, held out ({data.HeldOutSource}, {data.HeldOut.Count:N0} referrals):");
        System.Console.WriteLine(report.ToTable());
        System.Console.WriteLine(string.Create(culture, $"Macro F1: {report.MacroF1:F3}"));
        System.Console.WriteLine(string.Create(culture, $"Featurizing {trained.TextsPerSecond:N0} texts/s; fitting {trained.Fitting.TotalSeconds:F1} s"));

        var version = ModelFolder.Version();
        var onnx = SparseLinearModel.Build(trained.Model.WeightMatrix(), trained.Model.BiasVector(), ModelName, new Dictionary<string, string>
        {
            ["version"] = version,
            ["thresholds"] = string.Join(',', trained.Model.Thresholds.Select(t => t.ToString("R", culture))),
            ["max_features"] = trained.Model.Featurizer.MaxFeatures.ToString(culture),
            ["indicators"] = string.Join(',', TextIndicators.Names),
        });
        CheckParity(onnx, trained.Model, heldTexts.Take(200).ToList());

        var evaluation = new Dictionary<string, double> { ["macro_f1"] = report.MacroF1, ["held_out_referrals"] = data.HeldOut.Count };
        foreach (var label in report.Labels)
        {
            evaluation[$"f1.{label.Label}"] = label.Counts.F1;
            evaluation[$"auc.{label.Label}"] = label.Auc ?? double.NaN;
        }

        ModelFolder.Save(arguments.Out, ModelName, FileName, onnx, version, arguments.CommandLine, evaluation.Where(e => !double.IsNaN(e.Value)).ToDictionary());
        System.Console.WriteLine($"Wrote {Path.Combine(arguments.Out, FileName)} and its manifest entry");
        return 0;
    }

    // The ONNX model must say what the C# model says: the service runs the former, training judged the latter.
    private static void CheckParity(byte[] onnx, TextIndicatorModel model, IReadOnlyList<string> texts)
    {
        using var session = OnnxModelSession.FromBytes(onnx, ModelName, new ExecutionProviderOptions { Provider = ExecutionProviderKind.Cpu }, NullLogger.Instance);
        var fromOnnx = TextIndicatorBatch.Run(new SparseLinearRunner(session), model.Featurizer, texts);
        for (var r = 0; r < texts.Count; r++)
        {
            var expected = model.Predict(texts[r]);
            for (var k = 0; k < expected.Length; k++)
            {
                if (Math.Abs(expected[k] - fromOnnx[(r * expected.Length) + k]) > 1e-4)
                {
                    throw new InvalidOperationException($"The exported ONNX model disagrees with the trained model on held-out text {r}, indicator {k}.");
                }
            }
        }
    }
}
