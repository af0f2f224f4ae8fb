using System.Security.Cryptography;
using Katalyst.Media.Decoding;
using Katalyst.Media.HashSets;
using Katalyst.Media.Matching;
using Katalyst.Media.Pdq;

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

/// <summary>
/// Analyses one file's bytes: the three cryptographic hashes, the image decoded with the project's
/// <see cref="ImageDecoder"/> (its declared-size check refuses bombs) and PDQ-hashed, and every hash matched against
/// one version of the known-hash sets (PDQ only when its quality is usable, 50 or more). Pure apart from the decoder's pooled buffer; thread-safe.
/// </summary>
public sealed class FileAnalyzer(ImageDecoder decoder)
{
    /// <summary>Analyses <paramref name="bytes"/>; <paramref name="name"/> is what messages name.</summary>
    public FileAnalysis Analyze(ReadOnlySpan<byte> bytes, string name, KnownHashMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        var md5 = MD5.HashData(bytes);
        var sha1 = SHA1.HashData(bytes);
        var sha256 = SHA256.HashData(bytes);
        var (image, problem, format, pdq) = Hash(bytes, name);

        var matches = new List<FileMatch>();
        void Add(HashQuery query) => matches.AddRange(matcher.Match(query).Select(m => new FileMatch(query.Type, m)));
        Add(new HashQuery(HashType.Md5, md5));
        Add(new HashQuery(HashType.Sha1, sha1));
        Add(new HashQuery(HashType.Sha256, sha256));
        // Upstream's rule: a hash of quality below 50 (flat or featureless pictures) is unusable for matching; it is
        // still reported, but matching it would call unrelated pictures known (seen with generated gradients at distance 28).
        if (pdq is { IsUsable: true } result)
        {
            Add(HashQuery.Of(result.Hash));
        }

        return new FileAnalysis(
            Convert.ToHexStringLower(md5), Convert.ToHexStringLower(sha1), Convert.ToHexStringLower(sha256), bytes.Length,
            image, problem, format, pdq,
            [.. matches.OrderBy(m => m.Match.Distance).ThenBy(m => m.Match.Set, StringComparer.Ordinal).ThenBy(m => m.HashType)]);
    }

    private (ImageOutcome Image, string Problem, string Format, PdqResult? Pdq) Hash(ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            using var decoded = decoder.Decode(bytes, name);
            if (decoded.Width < PdqHasher.MinimumSide || decoded.Height < PdqHasher.MinimumSide)
            {
                return (ImageOutcome.Unreadable, $"{name}: {decoded.Width} x {decoded.Height} is too small to PDQ-hash (at least {PdqHasher.MinimumSide} pixels a side)", decoded.Format, null);
            }

            return (ImageOutcome.Image, "", decoded.Format, PdqHasher.Hash(decoded.Pixels));
        }
        catch (ImageDecodingException ex)
        {
            return (Classify(ex.Reason), ex.Message, "", null);
        }
    }

    // The decoder's reasons are its contract: "refused before decoding" for bombs, "is not an image" for other bytes.
    private static ImageOutcome Classify(string reason) =>
        reason.Contains("refused before decoding", StringComparison.Ordinal) ? ImageOutcome.TooLarge
        : reason.StartsWith("is not an image", StringComparison.Ordinal) || reason.StartsWith("is empty", StringComparison.Ordinal) ? ImageOutcome.NotImage
        : ImageOutcome.Unreadable;
}
