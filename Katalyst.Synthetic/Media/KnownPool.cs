using System.Security.Cryptography;
using System.Text;
using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;
using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Media;

/// <summary>One known picture: how to redraw it, its exact bytes and their hashes (PDQ of the decoded bytes included).</summary>
internal sealed record KnownImage(int Index, PictureSpec Spec, ImageEncoding Encoding, int JpegQuality, string Category, byte[] Bytes, string Md5, string Sha1, string Pdq);

/// <summary>
/// A known video. No video encoder is available, so videos are never written as bytes: the hashes are those
/// of a fixed byte string standing for the video (what an ESP hashed; NCMEC did not forward the file).
/// </summary>
internal sealed record KnownVideo(int Index, string Category, string Md5, string Sha1);

/// <summary>
/// The "known material" of a run: pictures and videos whose exact hashes (and the pictures' PDQ) go to
/// <c>known-hashes.csv</c>. 85% of files come from here (some as near-duplicates, whose exact hashes are deliberately
/// not listed: only their original's PDQ can find them).
/// </summary>
internal sealed class KnownPool
{
    public const int ImageCount = 300;
    public const int VideoCount = 60;

    private static readonly (string, double)[] Categories = [("A1", 30), ("A2", 15), ("B1", 35), ("B2", 20)];

    private KnownPool(KnownImage[] images, KnownVideo[] videos)
    {
        Images = images;
        Videos = videos;
    }

    public IReadOnlyList<KnownImage> Images { get; }
    public IReadOnlyList<KnownVideo> Videos { get; }

    public static KnownPool Build(int seed, CancellationToken ct)
    {
        var images = new KnownImage[ImageCount];
        var options = new ParallelOptions { CancellationToken = ct };
        Parallel.For(0, ImageCount, options, i =>
        {
            var rng = SeedMix.Random(seed, RandomStream.KnownPool, i);
            var spec = Painter.RandomSpec(rng, 384, minSide: 192);
            var encoding = rng.Chance(0.4) ? ImageEncoding.Png : ImageEncoding.Jpeg;
            var quality = rng.Next(70, 96);
            var category = rng.Weighted(Categories);
            var bytes = ImageEncoder.Encode(Painter.Paint(spec), encoding, quality);
            images[i] = new KnownImage(i, spec, encoding, quality, category, bytes, Md5Hex(bytes), Sha1Hex(bytes), PdqHex(bytes));
        });

        var videos = new KnownVideo[VideoCount];
        for (var i = 0; i < VideoCount; i++)
        {
            var rng = SeedMix.Random(seed, RandomStream.KnownPool, ImageCount + i);
            var stand = VideoStandIn(seed, $"known-{i}");
            videos[i] = new KnownVideo(i, rng.Weighted(Categories), Md5Hex(stand), Sha1Hex(stand));
        }

        return new KnownPool(images, videos);
    }

    /// <summary>The bytes a video's hashes are computed over, in place of a real (never written) video.</summary>
    public static byte[] VideoStandIn(int seed, string name) => StandIn("video", seed, name);

    /// <summary>
    /// The bytes a picture's hashes are computed over when pictures are not written (no --media): ESPs state a hash
    /// for every file, so fileDetails carries one, unique to the file and in no known list.
    /// </summary>
    public static byte[] ImageStandIn(int seed, string name) => StandIn("image", seed, name);

    private static byte[] StandIn(string kind, int seed, string name) =>
        Encoding.ASCII.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"katalyst-synthetic-{kind}:{seed}:{name}"));

    public static string Md5Hex(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    public static string Sha1Hex(byte[] bytes) => Convert.ToHexStringLower(SHA1.HashData(bytes));

    /// <summary>PDQ of the picture as a decoder sees the bytes (what a hash list of known material carries, so near-duplicates can be found).</summary>
    public static string PdqHex(byte[] bytes)
    {
        using var decoded = Decoder.Decode(bytes, "known picture");
        return PdqHasher.Hash(decoded.Pixels).Hash.ToString();
    }

    private static readonly ImageDecoder Decoder = new();
}
