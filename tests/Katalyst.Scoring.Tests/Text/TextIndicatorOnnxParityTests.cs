using Katalyst.Scoring.Onnx;
using Katalyst.Scoring.Runtime;
using Katalyst.Scoring.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Scoring.Tests.Text;

public sealed class TextIndicatorOnnxParityTests
{
    [Fact]
    public void SparseLinearExport_TrainedModel_MatchesCSharpScoring()
    {
        string[] texts =
        [
            "apni tasveer bhejo warna sab ko dikha dunga", "meet me at the mall on Saturday", "ورنہ تمہاری تصویریں سب کو بھیج دوں گا",
            "kya haal hai", "I will hurt myself if this gets out", "don't tell your parents about us", "",
        ];
        LabelledText[] examples = [.. texts.Select((t, i) => new LabelledText(t, [.. Enumerable.Range(0, TextIndicators.Count).Select(k => (i + k) % 3 == 0)]))];
        var model = TextIndicatorTrainer.Train(examples, new TextTrainingOptions { Epochs = 5 }, cancellationToken: TestContext.Current.CancellationToken).Model;

        var onnx = SparseLinearModel.Build(model.WeightMatrix(), model.BiasVector(), "text-indicators", new Dictionary<string, string>());
        using var session = OnnxModelSession.FromBytes(onnx, "text-indicators", new ExecutionProviderOptions(), NullLogger.Instance);
        var runner = new SparseLinearRunner(session);

        var features = texts.Select(model.Featurizer.Featurize).ToArray();
        var width = Math.Max(1, features.Max(f => f.Count));
        var ids = new long[texts.Length * width];
        var values = new float[texts.Length * width];
        for (var r = 0; r < features.Length; r++)
        {
            for (var j = 0; j < features[r].Count; j++)
            {
                ids[r * width + j] = features[r].Ids[j];
                values[r * width + j] = features[r].Values[j];
            }
        }

        var fromOnnx = runner.Run(ids, values, texts.Length, width);
        for (var r = 0; r < texts.Length; r++)
        {
            var expected = model.Predict(features[r]);
            for (var k = 0; k < TextIndicators.Count; k++)
            {
                Assert.Equal(expected[k], fromOnnx[r * TextIndicators.Count + k], 5);
            }
        }
    }

    [Fact]
    public void TextIndicatorBatch_ManyTextsOfMixedLength_MatchesCSharpScoringRowByRow()
    {
        string[] seeds = ["apni tasveer bhejo", "meet me at the mall on Saturday", "", "ورنہ تمہاری تصویریں", "kya haal hai"];
        // 150 texts: empty ones, short ones and long ones, so rows cross chunk boundaries in an order unlike the input.
        var texts = Enumerable.Range(0, 150).Select(i => string.Join(' ', Enumerable.Repeat(seeds[i % seeds.Length], 1 + (i * 7 % 13)))).ToList();
        LabelledText[] examples = [.. seeds.Where(t => t.Length > 0).Select((t, i) => new LabelledText(t, [.. Enumerable.Range(0, TextIndicators.Count).Select(k => (i + k) % 2 == 0)]))];
        var model = TextIndicatorTrainer.Train(examples, new TextTrainingOptions { Epochs = 3 }, cancellationToken: TestContext.Current.CancellationToken).Model;
        var onnx = SparseLinearModel.Build(model.WeightMatrix(), model.BiasVector(), "text-indicators", new Dictionary<string, string>());
        using var session = OnnxModelSession.FromBytes(onnx, "text-indicators", new ExecutionProviderOptions(), NullLogger.Instance);

        var fromOnnx = TextIndicatorBatch.Run(new SparseLinearRunner(session), model.Featurizer, texts);

        Assert.True(texts.Count > TextIndicatorBatch.ChunkRows * 2);
        for (var r = 0; r < texts.Count; r++)
        {
            var expected = model.Predict(texts[r]);
            for (var k = 0; k < TextIndicators.Count; k++)
            {
                Assert.Equal(expected[k], fromOnnx[r * TextIndicators.Count + k], 5);
            }
        }
    }
}
