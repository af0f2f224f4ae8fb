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

    /// <summary>
    /// Rows whose images upstream's snapshot did not carry (it drops files of 4 MiB and more): the EXIF-rotation set,
    /// c.png and most bridge edits. Named here so that a change in the data set fails a test instead of skipping one.
    /// </summary>
    private static readonly string[] NotInSnapshot =
    [
        "data/bridge-mods/aaa-orig.jpg", "data/bridge-mods/blur-a-little.jpg", "data/bridge-mods/blur-a-lot.jpg",
        "data/bridge-mods/high-contrast.jpg", "data/bridge-mods/high-saturation.jpg", "data/bridge-mods/sharpen-a-little.jpg",
        "data/bridge-mods/sharpen-a-lot.jpg", "data/bridge-mods/shrink-a-little.jpg", "data/misc-images/c.png",
        "data/reg-test-input/exif-rotn/exif-rotn-1.jpg", "data/reg-test-input/exif-rotn/exif-rotn-3.jpg",
        "data/reg-test-input/exif-rotn/exif-rotn-6.jpg", "data/reg-test-input/exif-rotn/exif-rotn-8.jpg",
    ];

    private static IEnumerable<PdqReferenceRow> AllFullResolutionRows() =>
        PdqReference.Rows("cpp-core-upstream-images.csv").Where(row => row.Variant.StartsWith("fullres", StringComparison.Ordinal));

    public static TheoryData<PdqReferenceRow> FullResolutionRows() => [.. AllFullResolutionRows().Where(row => File.Exists(ImagePath(row)))];

    [Fact]
    public void FullResolutionRows_UpstreamCsv_EveryImageHashedOrKnownAbsent()
    {
        var rows = AllFullResolutionRows().ToList();
        Assert.Equal(35, rows.Count);
        var absent = rows.Where(row => !File.Exists(ImagePath(row))).Select(row => row.File).Order(StringComparer.Ordinal);
        Assert.Equal(NotInSnapshot.Order(StringComparer.Ordinal), absent);
    }

    [Theory]
    [MemberData(nameof(FullResolutionRows))]
    public void Hash_UpstreamImage_WithinReferenceTolerance(PdqReferenceRow row)
    {
        var path = ImagePath(row);
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

    // The rows name upstream's paths (data/...); the images sit in shared/data/pdq/upstream.
    private static string ImagePath(PdqReferenceRow row) => Path.Combine(PdqReference.Data, "upstream", row.File["data/".Length..]);
}
