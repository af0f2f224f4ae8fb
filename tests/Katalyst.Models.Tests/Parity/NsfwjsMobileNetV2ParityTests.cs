using Katalyst.Models.Conversion;
using Katalyst.Models.Manifest;

namespace Katalyst.Models.Tests.Parity;

/// <summary>The converted nsfwjs MobileNetV2 computes what TF.js computes, on both outputs, within 1e-4.</summary>
public sealed class NsfwjsMobileNetV2ParityTests
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public async Task Convert_FixtureInputs_MatchTfJsWithin1e4()
    {
        var fixture = ParityFixture.Read("nsfwjs-mobilenet-v2");
        var model = MediaModels.NsfwjsMobileNetV2;
        await PinnedPackages.GetAsync(model.Package);
        var folder = Directory.CreateTempSubdirectory("katalyst-parity-").FullName;
        try
        {
            var entry = await ModelFolderWriter.ConvertAsync(model, PinnedPackages.Sources, PinnedPackages.Folder, folder, TestContext.Current.CancellationToken);
            var path = ConvertedModelManifest.ReadOrEmpty(folder).Verified(folder, model.Name);
            Assert.Equal(["probabilities", "embedding"], entry.Outputs);

            var outputs = OnnxParity.Run(path, model.Input, ParityInputs.Batch(fixture.Recipes, fixture.Size, v => v / 255.0), [fixture.Recipes.Length, fixture.Size, fixture.Size, 3]);
            foreach (var (name, expected) in fixture.Outputs)
            {
                var worst = OnnxParity.MaxAbsDifference(expected, outputs[name], name);
                TestContext.Current.TestOutputHelper?.WriteLine($"{model.Name} {name}: max abs difference {worst:g3}");
                Assert.True(worst <= Tolerance, $"{model.Name} output '{name}': max abs difference {worst:g3} from TF.js exceeds {Tolerance:g1}.");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
