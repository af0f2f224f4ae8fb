using Katalyst.Scoring.Media;

namespace Katalyst.Scoring.Tests.Media;

public sealed class MediaWeightsTests
{
    private const string Sound = """
        { "version": "v1", "explicitAtLeast": 0.8, "apparentMinorAtLeast": 0.7, "faceScoreAtLeast": 0.75, "drawingAtLeast": 0.6,
          "maxTotal": 4, "weights": { "newExplicitApparentMinor": 3, "newExplicit": 1.5, "drawingOrMeme": -1.5 } }
        """;

    [Fact]
    public void Read_CommittedFile_IsSoundAndVersioned()
    {
        var weights = MediaWeights.Read(Path.Combine(RepositoryFolder.Root, "models", MediaWeights.FileName));

        Assert.False(string.IsNullOrWhiteSpace(weights.Version));
        Assert.True(weights.Weights.NewExplicitApparentMinor >= weights.Weights.NewExplicit);
        Assert.True(weights.Weights.DrawingOrMeme <= 0f);
    }

    [Fact]
    public void Parse_SoundFile_ReadsEveryValue()
    {
        var weights = MediaWeights.Parse(Sound, "test.json");

        Assert.Equal(("v1", 0.8f, 0.7f, 0.75f, 0.6f, 4f), (weights.Version, weights.ExplicitAtLeast, weights.ApparentMinorAtLeast, weights.FaceScoreAtLeast, weights.DrawingAtLeast, weights.MaxTotal));
        Assert.Equal(new MediaSignalWeights(3f, 1.5f, -1.5f), weights.Weights);
    }

    [Theory]
    [InlineData("\"version\": \"v1\"", "\"version\": \" \"", "version:")]
    [InlineData("\"explicitAtLeast\": 0.8", "\"explicitAtLeast\": 1.5", "explicitAtLeast: 1.5")]
    [InlineData("\"faceScoreAtLeast\": 0.75", "\"faceScoreAtLeast\": 0", "faceScoreAtLeast: 0")]
    [InlineData("\"maxTotal\": 4", "\"maxTotal\": 9", "maxTotal: 9")]
    [InlineData("\"newExplicit\": 1.5", "\"newExplicit\": 3.5", "weights.newExplicit: 3.5 is above newExplicitApparentMinor")]
    [InlineData("\"newExplicitApparentMinor\": 3", "\"newExplicitApparentMinor\": -1", "weights.newExplicitApparentMinor: -1")]
    [InlineData("\"drawingOrMeme\": -1.5", "\"drawingOrMeme\": 0.5", "weights.drawingOrMeme: 0.5 must be a number not above 0")]
    public void Parse_BadValue_FailsNamingFileAndField(string good, string bad, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => MediaWeights.Parse(Sound.Replace(good, bad, StringComparison.Ordinal), "media-weights.json"));

        Assert.StartsWith("media-weights.json: " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoWeights_FailsNamingTheField()
    {
        var error = Assert.Throws<InvalidDataException>(() => MediaWeights.Parse("""{ "version": "v1", "explicitAtLeast": 0.8, "apparentMinorAtLeast": 0.7, "faceScoreAtLeast": 0.75, "drawingAtLeast": 0.6, "maxTotal": 4 }""", "w.json"));

        Assert.Equal("w.json: weights: required.", error.Message);
    }

    [Fact]
    public void Read_MissingFile_FailsNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), MediaWeights.FileName);

        var error = Assert.Throws<InvalidDataException>(() => MediaWeights.Read(path));

        Assert.StartsWith(path + " is missing", error.Message, StringComparison.Ordinal);
    }
}
