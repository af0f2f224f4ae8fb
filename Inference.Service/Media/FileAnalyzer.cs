using System.Security.Cryptography;
using Katalyst.Media.Decoding;
using Katalyst.Media.HashSets;
using Katalyst.Media.Matching;
using Katalyst.Media.Pdq;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Media;

/// <summary>What the bytes were, for <see cref="FileAnalysis"/>.</summary>
public enum ImageOutcome
{
    /// <summary>Decoded and PDQ-hashed.</summary>
    Image,

    /// <summary>Not a format the decoder reads.</summary>
    NotImage,

    /// <summary>An image format, but truncated or corrupt.</summary>
    Unreadable,

    /// <summary>Declares more pixels than allowed (a decompression bomb): refused before decoding.</summary>
    TooLarge,
}

/// <summary>One known hash that matched one of the file's hashes.</summary>
public sealed record FileMatch(HashType HashType, HashMatch Match);

/// <summary>One file's hashes, what it was, its PDQ (images only) and its matches, nearest first.</summary>
public sealed record FileAnalysis(
    string Md5, string Sha1, string Sha256, long ByteLength, ImageOutcome Image, string ImageProblem, string ImageFormat,
    PdqResult? Pdq, IReadOnlyList<FileMatch> Matches);

/// <summary>An image's PDQ and, when dihedral matching is on, its eight rotated and flipped hashes.</summary>
internal sealed record PdqHashes(PdqResult Result, IReadOnlyList<PdqHash>? Dihedral);

/// <summary>
/// Analyses one file's bytes: the three cryptographic hashes, the image decoded with the project's
/// <see cref="ImageDecoder"/> (its declared-size check refuses bombs) and PDQ-hashed, and every hash matched against
/// one version of the known-hash sets (PDQ only when its quality is usable, 50 or more; with
/// <see cref="MediaAnalysisOptions.MatchDihedral"/> its eight rotations and flips). Pure apart from the decoder's pooled
/// buffer; thread-safe.
/// </summary>
public sealed class FileAnalyzer(ImageDecoder decoder, IOptions<MediaAnalysisOptions> options)
{
    /// <summary>
    /// Analyses <paramref name="bytes"/>; <paramref name="name"/> is what messages name. <paramref name="decoded"/>, when
    /// given, sees a picture that was decoded and hashed while its pixels are still held (for the media models).
    /// </summary>
    public FileAnalysis Analyze(ReadOnlySpan<byte> bytes, string name, KnownHashMatcher matcher, Action<DecodedImage>? decoded = null)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var md5 = MD5.HashData(bytes);
        var sha1 = SHA1.HashData(bytes);
        var sha256 = SHA256.HashData(bytes);
        var (image, problem, format, pdq) = Hash(bytes, name, decoded);

        var matches = new List<FileMatch>();
        void Add(HashQuery query) => matches.AddRange(matcher.Match(query).Select(m => new FileMatch(query.Type, m)));
        Add(new HashQuery(HashType.Md5, md5));
        Add(new HashQuery(HashType.Sha1, sha1));
        Add(new HashQuery(HashType.Sha256, sha256));
        if (pdq is not null)
        {
            matches.AddRange(MatchPdq(pdq, matcher));
        }

        return new FileAnalysis(
            Convert.ToHexStringLower(md5), Convert.ToHexStringLower(sha1), Convert.ToHexStringLower(sha256), bytes.Length,
            image, problem, format, pdq?.Result,
            [.. matches.OrderBy(m => m.Match.Distance).ThenBy(m => m.Match.Set, StringComparer.Ordinal).ThenBy(m => m.HashType)]);
    }

    /// <summary>
    /// The PDQ of one video frame (null when it is too small to hash) and its matches, nearest first, as a decoded
    /// picture's PDQ is matched.
    /// </summary>
    public (PdqResult? Pdq, IReadOnlyList<FileMatch> Matches) HashFrame(DecodedImage frame, KnownHashMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(matcher);
        if (frame.Width < PdqHasher.MinimumSide || frame.Height < PdqHasher.MinimumSide)
        {
            return (null, []);
        }

        var pdq = Pdq(frame);
        return (pdq.Result, [.. MatchPdq(pdq, matcher).OrderBy(m => m.Match.Distance).ThenBy(m => m.Match.Set, StringComparer.Ordinal)]);
    }

    // Upstream's rule: a hash of quality below 50 (flat or featureless pictures) is unusable for matching; it is
    // still reported, but matching it would call unrelated pictures known (seen with generated gradients at distance 28).
    private static IEnumerable<FileMatch> MatchPdq(PdqHashes pdq, KnownHashMatcher matcher) => pdq switch
    {
        { Result.IsUsable: false } => [],
        { Dihedral: null } => matcher.Match(HashQuery.Of(pdq.Result.Hash)).Select(m => new FileMatch(HashType.Pdq, m)),
        { Dihedral: { } variants } => matcher.MatchDihedral(variants).Select(m => new FileMatch(HashType.Pdq, m)),
    };

    private (ImageOutcome Image, string Problem, string Format, PdqHashes? Pdq) Hash(ReadOnlySpan<byte> bytes, string name, Action<DecodedImage>? seen)
    {
        try
        {
            using var decoded = decoder.Decode(bytes, name);
            if (decoded.Width < PdqHasher.MinimumSide || decoded.Height < PdqHasher.MinimumSide)
            {
                return (ImageOutcome.Unreadable, $"{name}: {decoded.Width} x {decoded.Height} is too small to PDQ-hash (at least {PdqHasher.MinimumSide} pixels a side)", decoded.Format, null);
            }

            var pdq = Pdq(decoded);
            seen?.Invoke(decoded);
            return (ImageOutcome.Image, "", decoded.Format, pdq);
        }
        catch (ImageDecodingException ex)
        {
            return (Classify(ex.Reason), ex.Message, "", null);
        }
    }

    // The dihedral hashes come from the one DCT the plain hash needs, so they cost little more. Their first is the plain
    // hash except for a picture of exactly 64 x 64, which upstream's plain hash takes as its grid unblurred.
    private PdqHashes Pdq(DecodedImage decoded)
    {
        if (!options.Value.MatchDihedral)
        {
            return new PdqHashes(PdqHasher.Hash(decoded.Pixels), null);
        }

        var dihedral = PdqHasher.HashDihedral(decoded.Pixels);
        var plain = decoded.Width == 64 && decoded.Height == 64
            ? PdqHasher.Hash(decoded.Pixels)
            : new PdqResult(dihedral[PdqDihedral.Original], dihedral.Quality);
        var variants = dihedral.Hashes.ToArray();
        variants[(int)PdqDihedral.Original] = plain.Hash;
        return new PdqHashes(plain, variants);
    }

    // The decoder's reasons are its contract: "refused before decoding" for bombs, "is not an image" for other bytes.
    private static ImageOutcome Classify(string reason) =>
        reason.Contains("refused before decoding", StringComparison.Ordinal) ? ImageOutcome.TooLarge
        : reason.StartsWith("is not an image", StringComparison.Ordinal) || reason.StartsWith("is empty", StringComparison.Ordinal) ? ImageOutcome.NotImage
        : ImageOutcome.Unreadable;
}
