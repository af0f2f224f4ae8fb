using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;

namespace Katalyst.Media.Tests.Pdq;

/// <summary>
/// Every full-resolution row of expected/cpp-core-upstream-images.csv (the reference library on the upstream images):
/// lossless PNGs bit for bit; JPEGs, whose pixels depend on the JPEG decoder, within upstream's tolerance (distance at
/// most 10 where quality is 80 or more); images of quality 49 or less must come out as "no usable hash" here too.
/// </summary>
public sealed class PdqUpstreamImageTests
{
    private const int JpegTolerance = 10;
    private const int TrustedQuality = 80;

    public static TheoryData<PdqReferenceRow> FullResolutionRows() =>
        [.. PdqReference.Rows("cpp-core-upstream-images.csv").Where(row => row.Variant.StartsWith("fullres", StringComparison.Ordinal))];

    [Fact]
    public void FullResolutionRows_UpstreamCsv_ListsEveryImage() => Assert.Equal(35, FullResolutionRows().Count);

    [Theory]
    [MemberData(nameof(FullResolutionRows))]
    public void Hash_UpstreamImage_WithinReferenceTolerance(PdqReferenceRow row)
    {
        // The rows name upstream's paths (data/...); the images sit in shared/data/pdq/upstream. Upstream's snapshot
        // carried only some of them (it drops files of 4 MiB and more); a missing one is reported, never passed.
        var path = Path.Combine(PdqReference.Data, "upstream", row.File["data/".Length..]);
        if (!File.Exists(path))
        {
            Assert.Skip($"{row.File} is not in {Path.Combine(PdqReference.Data, "upstream")} (not carried by the upstream snapshot)");
        }

        using var image = new ImageDecoder().Decode(path);
        Assert.Equal((row.Width, row.Height), (image.Width, image.Height));
        var plain = PdqHasher.Hash(image.Pixels);
        var dihedral = PdqHasher.HashDihedral(image.Pixels);
        var expected = PdqHash.Parse(row.Hash);

        if (image.Format == "png")
        {
            Assert.Equal(row.Hash, plain.Hash.ToString());
            Assert.Equal(row.Quality, plain.Quality);
            Assert.Equal(row.Dihedral, PdqReference.Texts(dihedral));
            Assert.Equal(row.DihedralQuality, dihedral.Quality);
        }
        else if (row.Quality >= TrustedQuality)
        {
            Assert.True(plain.Quality >= TrustedQuality, $"{row.File}: quality {plain.Quality}, reference {row.Quality}");
            var distance = plain.Hash.DistanceTo(expected);
            Assert.True(distance <= JpegTolerance, $"{row.File}: distance {distance} from the reference {row.Hash} (ours {plain.Hash})");
            for (var v = 0; v < 8; v++)
            {
                var variantDistance = dihedral.Hashes[v].DistanceTo(PdqHash.Parse(row.Dihedral[v]));
                Assert.True(variantDistance <= JpegTolerance, $"{row.File} {(PdqDihedral)v}: distance {variantDistance} from the reference");
            }
        }
        else
        {
            Assert.True(row.Quality <= PdqResult.UnusableQuality, $"{row.File}: reference quality {row.Quality} is neither trusted nor unusable");
            Assert.False(plain.IsUsable, $"{row.File}: quality {plain.Quality}, but the reference's {row.Quality} says no usable hash");
        }
    }
}
