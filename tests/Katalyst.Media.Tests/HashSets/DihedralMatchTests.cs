using Katalyst.Media.HashSets;
using Katalyst.Media.Matching;
using Katalyst.Media.Pdq;
using Katalyst.Media.Tests.Decoding;

namespace Katalyst.Media.Tests.HashSets;

/// <summary>
/// A rotated or mirrored copy of listed material is found through the query's dihedral variants. The pictures are
/// 320 x 320: upstream's variants equal the turned picture's own hash exactly only where PDQ's sampling is symmetric
/// (each side 64 times an odd number, odd filter window); elsewhere the turned grid sits up to half a cell off and
/// sharp drawn shapes then land 15 to 55 bits away (see docs/architecture.md).
/// </summary>
public sealed class DihedralMatchTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void MatchDihedral_RotatedCopy_MatchesOriginalAsRotate90()
    {
        var (original, matcher) = ListedPicture();
        var rotated = Turn(original, clockwise: true);

        var plain = matcher.Match(HashQuery.Of(Hash(rotated).Hash));
        var match = Assert.Single(matcher.MatchDihedral(PdqHasher.HashDihedral(rotated.Span).Hashes));

        Assert.Empty(plain);
        Assert.Equal(PdqDihedral.Rotate90, match.Transform);
        Assert.Equal(Hash(original).Hash.ToString(), match.MatchedHash);
        Assert.InRange(match.Distance, 0, 31);
    }

    [Fact]
    public void MatchDihedral_MirroredCopy_MatchesOriginalAsFlipY()
    {
        var (original, matcher) = ListedPicture();
        var mirrored = Mirror(original);

        var plain = matcher.Match(HashQuery.Of(Hash(mirrored).Hash));
        var match = Assert.Single(matcher.MatchDihedral(PdqHasher.HashDihedral(mirrored.Span).Hashes));

        Assert.Empty(plain);
        Assert.Equal(PdqDihedral.FlipY, match.Transform);
        Assert.Equal(Hash(original).Hash.ToString(), match.MatchedHash);
        Assert.InRange(match.Distance, 0, 31);
    }

    [Fact]
    public void MatchDihedral_PictureAsListed_MatchesOnceAsOriginalAtZero()
    {
        var (original, matcher) = ListedPicture();

        var match = Assert.Single(matcher.MatchDihedral(PdqHasher.HashDihedral(original.Span).Hashes));

        Assert.Equal(new HashMatch("drawn", "A1", "Test", 0, Hash(original).Hash.ToString(), PdqDihedral.Original), match);
    }

    [Fact]
    public void MatchDihedral_SevenHashes_RefusedNamingTheCount()
    {
        var (original, matcher) = ListedPicture();

        var error = Assert.Throws<ArgumentException>(() => matcher.MatchDihedral([.. PdqHasher.HashDihedral(original.Span).Hashes.Take(7)]));

        Assert.Contains("not 7", error.Message, StringComparison.Ordinal);
    }

    // A drawn, asymmetric picture whose PDQ is the only entry of set "drawn".
    private (Rgba Picture, KnownHashMatcher Matcher) ListedPicture()
    {
        using var bitmap = DrawnImages.Shapes(320, 320);
        var picture = new Rgba(bitmap.Width, bitmap.Height, bitmap.Bytes);
        var folder = new HashSetFolder(temp["sets"]);
        Imports.Run(folder, temp.Write("drawn.csv", $"hash_type,hash,category,source\npdq,{Hash(picture).Hash},A1,Test\n"), "drawn");
        return (picture, KnownHashMatcher.Load(folder));
    }

    private static PdqResult Hash(Rgba picture) => PdqHasher.Hash(picture.Span);

    private static Rgba Turn(Rgba p, bool clockwise)
    {
        var (w, h) = (p.Height, p.Width);
        var bytes = new byte[p.Bytes.Length];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var (sx, sy) = clockwise ? (y, p.Height - 1 - x) : (p.Width - 1 - y, x);
                Array.Copy(p.Bytes, ((sy * p.Width) + sx) * 4, bytes, ((y * w) + x) * 4, 4);
            }
        }

        return new Rgba(w, h, bytes);
    }

    private static Rgba Mirror(Rgba p)
    {
        var bytes = new byte[p.Bytes.Length];
        for (var y = 0; y < p.Height; y++)
        {
            for (var x = 0; x < p.Width; x++)
            {
                Array.Copy(p.Bytes, ((y * p.Width) + x) * 4, bytes, ((y * p.Width) + p.Width - 1 - x) * 4, 4);
            }
        }

        return new Rgba(p.Width, p.Height, bytes);
    }

    private sealed record Rgba(int Width, int Height, byte[] Bytes)
    {
        public PixelSpan Span => new(Bytes, Width, Height, Width * 4, PixelLayout.Rgba8888);
    }
}
