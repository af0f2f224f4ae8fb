using Katalyst.Inference.Media.Models;

namespace Katalyst.Inference.Tests.Media.Models;

/// <summary>BlazeFace's anchors, box decoding and non-maximum suppression on hand-computed cases.</summary>
public sealed class BlazeFaceDecoderTests
{
    private const int Fine = 512;
    private const int Coarse = 384;

    [Fact]
    public void Anchors_BackModel_FineGridTwoPerCellThenCoarseGridSixPerCell()
    {
        var anchors = BlazeFaceDecoder.Anchors;

        Assert.Equal(896, anchors.Count);
        Assert.Equal((8f, 8f), anchors[0]);
        Assert.Equal((8f, 8f), anchors[1]);
        Assert.Equal((24f, 8f), anchors[2]);
        Assert.Equal((8f, 24f), anchors[32]);
        Assert.Equal((248f, 248f), anchors[511]);
        Assert.Equal((16f, 16f), anchors[512]);
        Assert.Equal((16f, 16f), anchors[517]);
        Assert.Equal((48f, 16f), anchors[518]);
        Assert.Equal((16f, 48f), anchors[512 + 48]);
        Assert.Equal((240f, 240f), anchors[895]);
    }

    [Fact]
    public void Decode_OneConfidentFineAnchor_BoxFromAnchorPlusOffsetsRelativeToPicture()
    {
        var outputs = new Outputs();
        // Anchor 2 sits at (24, 8); centre offset (8, 24) puts the box's centre at (32, 32) of 256, size 64 x 32.
        outputs.Set(2, logit: 2, 8, 24, 64, 32);

        var face = Assert.Single(outputs.Decode(0.5));

        Assert.Equal(0f, face.Left, 6);
        Assert.Equal(0.0625f, face.Top, 6);
        Assert.Equal(0.25f, face.Right, 6);
        Assert.Equal(0.1875f, face.Bottom, 6);
        Assert.Equal(1 / (1 + Math.Exp(-2)), face.Score, 6);
    }

    [Fact]
    public void Decode_ConfidentCoarseAnchor_UsesTheCoarseGridsAnchorAndClipsToThePicture()
    {
        var outputs = new Outputs();
        // Anchor 895 sits at (240, 240); a 64 x 64 box centred there runs past the picture's right and bottom edges.
        outputs.Set(895, logit: 3, 0, 0, 64, 64);

        var face = Assert.Single(outputs.Decode(0.5));

        Assert.Equal((0.8125f, 0.8125f, 1f, 1f), (face.Left, face.Top, face.Right, face.Bottom));
    }

    [Fact]
    public void Decode_ScoreAtTheMinimum_Dropped()
    {
        var outputs = new Outputs();
        outputs.Set(10, logit: 0, 0, 0, 10, 10); // sigmoid 0.5 exactly
        outputs.Set(600, logit: 0.01f, 0, 0, 10, 10);

        var faces = outputs.Decode(0.5);

        var face = Assert.Single(faces);
        Assert.Equal(208f / 256, (face.Left + face.Right) / 2, 5);
    }

    [Fact]
    public void Decode_OutputsOfTheWrongLength_ThrowNamingTheLengths()
    {
        var error = Assert.Throws<ArgumentException>(() => BlazeFaceDecoder.Decode(new float[511], new float[Fine * 16], new float[Coarse], new float[Coarse * 16], 0.5));

        Assert.Contains("511", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Iou_TwoOverlappingBoxes_IntersectionOverUnion()
    {
        // Intersection 0.1 x 0.4 = 0.04; union 0.16 + 0.16 - 0.04 = 0.28.
        var iou = BlazeFaceDecoder.Iou(new FaceBox(0, 0, 0.4f, 0.4f, 1), new FaceBox(0.3f, 0, 0.7f, 0.4f, 1));

        Assert.Equal(0.04f / 0.28f, iou, 5);
    }

    [Fact]
    public void Suppress_OverlapAboveThreshold_KeepsOnlyTheMoreConfident()
    {
        var a = new FaceBox(0, 0, 0.5f, 0.5f, 0.9f);
        var b = new FaceBox(0.05f, 0, 0.55f, 0.5f, 0.8f); // IoU with a: 0.225 / 0.275 = 0.82
        var c = new FaceBox(0.6f, 0.6f, 0.9f, 0.9f, 0.7f);

        var kept = BlazeFaceDecoder.Suppress([c, b, a], 0.3, 10);

        Assert.Equal([a, c], kept);
    }

    [Fact]
    public void Suppress_OverlapBelowThreshold_KeepsBoth()
    {
        var a = new FaceBox(0, 0, 0.4f, 0.4f, 0.9f);
        var b = new FaceBox(0.3f, 0, 0.7f, 0.4f, 0.8f); // IoU 0.14

        Assert.Equal([a, b], BlazeFaceDecoder.Suppress([b, a], 0.3, 10));
        Assert.Equal([a], BlazeFaceDecoder.Suppress([b, a], 0.1, 10));
    }

    [Fact]
    public void Suppress_MoreFacesThanTheMost_KeepsTheMostConfident()
    {
        var faces = Enumerable.Range(0, 5).Select(i => new FaceBox(i * 0.2f, 0, i * 0.2f + 0.1f, 0.1f, 0.1f * (i + 1))).ToList();

        var kept = BlazeFaceDecoder.Suppress(faces, 0.3, 2);

        Assert.Equal([faces[4], faces[3]], kept);
    }

    // The four outputs with every anchor's logit at -20 (no face) until set.
    private sealed class Outputs
    {
        private readonly float[] scores16 = Enumerable.Repeat(-20f, Fine).ToArray();
        private readonly float[] boxes16 = new float[Fine * 16];
        private readonly float[] scores8 = Enumerable.Repeat(-20f, Coarse).ToArray();
        private readonly float[] boxes8 = new float[Coarse * 16];

        public void Set(int anchor, float logit, float dx, float dy, float width, float height)
        {
            var (scores, boxes, i) = anchor < Fine ? (scores16, boxes16, anchor) : (scores8, boxes8, anchor - Fine);
            scores[i] = logit;
            new[] { dx, dy, width, height }.CopyTo(boxes, i * 16);
        }

        public List<FaceBox> Decode(double minScore) => BlazeFaceDecoder.Decode(scores16, boxes16, scores8, boxes8, minScore);
    }
}
