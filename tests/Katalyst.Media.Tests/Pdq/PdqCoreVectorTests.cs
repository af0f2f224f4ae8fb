using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;

namespace Katalyst.Media.Tests.Pdq;

/// <summary>The lossless vectors (expected/core-vectors.csv): hash, quality and all eight dihedral hashes bit for bit.</summary>
public sealed class PdqCoreVectorTests
{
    public static TheoryData<PdqReferenceRow> Vectors() => [.. PdqReference.Rows("core-vectors.csv")];

    [Fact]
    public void Vectors_CoreCsv_HasEveryLosslessVector() => Assert.Equal(4, Vectors().Count);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Hash_LosslessVector_MatchesReferenceExactly(PdqReferenceRow row)
    {
        using var image = new ImageDecoder().Decode(Path.Combine(PdqReference.Data, "vectors", row.File));
        Assert.Equal((row.Width, row.Height), (image.Width, image.Height));

        var plain = PdqHasher.Hash(image.Pixels);
        var dihedral = PdqHasher.HashDihedral(image.Pixels);

        Assert.Equal(row.Hash, plain.Hash.ToString());
        Assert.Equal(row.Quality, plain.Quality);
        Assert.Equal(row.Dihedral, PdqReference.Texts(dihedral));
        Assert.Equal(row.DihedralQuality, dihedral.Quality);
    }
}
