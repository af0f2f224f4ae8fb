using Katalyst.Protos.V1;
using Katalyst.Scoring.Media;
using static Katalyst.Scoring.Tests.Media.MediaSignalFiles;

namespace Katalyst.Scoring.Tests.Media;

/// <summary>
/// Which media signals fire. Benign generated images never look explicit to the media models, so these tests use
/// synthetic model values at the scorer's boundary (<see cref="MediaSignalFiles"/>), never pictures.
/// </summary>
public sealed class MediaSignalRulesTests
{
    [Fact]
    public void Fire_ExplicitAndApparentMinorAtTheirThresholds_StrongestSignalFires()
    {
        var fired = MediaSignalRules.Fire(Request(New("f1", porn: 0.8f, minor: 0.7f, faceScore: 0.75f, age: 14)), Weights());

        var signal = Assert.Single(fired);
        Assert.Equal(MediaSignalRules.NewExplicitApparentMinor, signal.Signal);
        Assert.Equal(3f, signal.Contribution);
    }

    [Theory]
    [InlineData(0.79f, 0.9f, 0.9f)] // explicit just below
    [InlineData(0.3f, 0.99f, 0.99f)] // an apparent minor, nothing explicit
    public void Fire_ExplicitBelowThreshold_NothingFiresWhateverTheFace(float porn, float minor, float faceScore)
    {
        Assert.Empty(MediaSignalRules.Fire(Request(New("f1", porn, minor: minor, faceScore: faceScore, age: 12)), Weights()));
    }

    [Theory]
    [InlineData(0.69f, 0.9f)] // apparent minor just below
    [InlineData(0.9f, 0.74f)] // face score just below
    [InlineData(0f, 0f)] // no face
    public void Fire_ExplicitWithoutAClearApparentMinor_NewExplicitFires(float minor, float faceScore)
    {
        var signal = Assert.Single(MediaSignalRules.Fire(Request(New("f1", porn: 0.9f, minor: minor, faceScore: faceScore, age: faceScore > 0 ? 20 : 0)), Weights()));

        Assert.Equal(MediaSignalRules.NewExplicit, signal.Signal);
        Assert.Equal(1.5f, signal.Contribution);
    }

    [Fact]
    public void Fire_KnownMaterial_NoMediaSignal()
    {
        Assert.Empty(MediaSignalRules.Fire(Request(File("f1", HashMatch.Known, porn: 0.95f, minor: 0.9f, faceScore: 0.9f, age: 12)), Weights()));
    }

    [Fact]
    public void Fire_Drawing_LowersWithNegativeContribution()
    {
        var signal = Assert.Single(MediaSignalRules.Fire(Request(New("d7", drawing: 0.6f)), Weights()));

        Assert.Equal(MediaSignalRules.DrawingOrMeme, signal.Signal);
        Assert.Equal(-1.5f, signal.Contribution);
        Assert.StartsWith("File d7: the media model reads the picture as a drawing (0.60)", signal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_EspMemeTagAndNothingExplicit_Lowers()
    {
        var file = New("m1", porn: 0.1f);
        file.Annotations.PotentialMeme = true;

        var signal = Assert.Single(MediaSignalRules.Fire(Request(file), Weights()));

        Assert.Equal(MediaSignalRules.DrawingOrMeme, signal.Signal);
        Assert.Contains("tagged it a meme or drawing", signal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fire_DrawingBesideNewExplicitPhoto_OnlyTheExplicitSignal()
    {
        var fired = MediaSignalRules.Fire(Request(New("d1", drawing: 0.9f), New("p1", porn: 0.9f)), Weights());

        Assert.Equal([MediaSignalRules.NewExplicit], fired.Select(f => f.Signal));
    }

    [Fact]
    public void Fire_NoFileHasMediaSignals_Empty()
    {
        var request = Request();
        request.Files.Add(new ReferralFile { FileId = "f1", HashMatch = HashMatch.None });

        Assert.Empty(MediaSignalRules.Fire(request, Weights()));
    }

    [Fact]
    public void Fire_ZeroWeight_NoReason()
    {
        Assert.Empty(MediaSignalRules.Fire(Request(New("d1", drawing: 0.9f)), Weights(drawing: 0f)));
    }

    [Fact]
    public void Fire_StrongestSignal_TextNamesFileFiguresAndSaysNotAFinding()
    {
        var fired = MediaSignalRules.Fire(Request(New("f2", porn: 0.93f, minor: 0.81f, faceScore: 0.9f, age: 15.4f), New("f3", porn: 0.85f, minor: 0.75f, faceScore: 0.9f, age: 16)), Weights());

        Assert.Equal(
            "File f2: a new picture looks explicit to the media model (0.93) and a face in it looks under 18 (0.81, apparent age 15) (1 more file(s) alike): a model signal to check, not a finding.",
            Assert.Single(fired).Text);
    }
}
