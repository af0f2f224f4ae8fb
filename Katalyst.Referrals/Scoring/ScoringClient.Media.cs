using Google.Protobuf;
using Katalyst.Protos.V1;

namespace Katalyst.Referrals.Scoring;

/// <summary>What a file's bytes turned out to be.</summary>
public enum MediaImageStatus
{
    /// <summary>Decoded and PDQ-hashed.</summary>
    Image,

    /// <summary>Not an image format the service decodes.</summary>
    NotImage,

    /// <summary>An image format, but truncated or corrupt.</summary>
    Unreadable,

    /// <summary>Declares more pixels than allowed (a decompression bomb): refused before decoding.</summary>
    TooLarge,
}

/// <summary>A known hash that matched one of a file's hashes.</summary>
/// <param name="HashType">Which of the file's hashes matched: md5, sha1, sha256 or pdq.</param>
/// <param name="Set">The hash set's name.</param>
/// <param name="Category">The category the list gives it (e.g. A1).</param>
/// <param name="Source">Where the list came from; empty when it did not say.</param>
/// <param name="Distance">0 for an exact match; the PDQ Hamming distance otherwise.</param>
/// <param name="MatchedHash">The known hash, lowercase hex.</param>
public sealed record MediaMatch(string HashType, string Set, string Category, string Source, int Distance, string MatchedHash)
{
    /// <summary>True for a cryptographic match, or a PDQ match at distance 0.</summary>
    public bool IsExact => HashType != "pdq" || Distance == 0;
}

/// <summary>One file's analysis by the media service: its hashes, PDQ (images only) and matches, nearest first.</summary>
/// <param name="Md5">MD5 of the bytes.</param>
/// <param name="Sha1">SHA-1 of the bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes.</param>
/// <param name="ByteLength">Bytes analysed.</param>
/// <param name="Image">What the bytes were.</param>
/// <param name="ImageProblem">Why they were not hashed as an image; empty for an image.</param>
/// <param name="Pdq">PDQ hash (64 hex digits) of an image; null otherwise.</param>
/// <param name="Quality">PDQ quality (0 to 100) of an image; null otherwise.</param>
/// <param name="Matches">Every match in the enabled sets, nearest first; empty for new material.</param>
public sealed record MediaAnalysisResult(
    string Md5, string Sha1, string Sha256, long ByteLength, MediaImageStatus Image, string ImageProblem, string? Pdq, int? Quality,
    IReadOnlyList<MediaMatch> Matches)
{
    /// <summary>
    /// The media models' signals, summarised (<see cref="Store.Analysis.FileMediaSignals.Of"/>), or why they are absent for a
    /// decoded picture; null when the service sent neither (not a picture).
    /// </summary>
    public Store.Analysis.FileMediaSignals? Signals { get; init; }

    /// <summary>How many frames the service sampled when the bytes were a video; 0 otherwise.</summary>
    public int VideoFrames { get; init; }

    /// <summary>The result for the service's answer.</summary>
    public static MediaAnalysisResult From(MediaAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return ScoringClient.Map(analysis);
    }
}

/// <summary>Media analysis through the inference service's <c>katalyst.v1.Media</c>.</summary>
public sealed partial class ScoringClient
{
    /// <summary>Bytes sent per chunk (well under gRPC's default 4 MB message limit).</summary>
    public const int ChunkBytes = 1024 * 1024;

    /// <summary>Sends <paramref name="content"/> (read to its end, never written) for analysis under <paramref name="fileName"/>.</summary>
    /// <exception cref="ScoringServiceException">The file is too large (ResourceExhausted, naming the limit), or the service failed.</exception>
    public Task<MediaAnalysisResult> AnalyzeAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        return CallAsync(async () =>
        {
            using var call = media.Analyze(CallOptions(cancellationToken));
            var buffer = new byte[ChunkBytes];
            var first = true;
            int read;
            do
            {
                read = await content.ReadAsync(buffer, cancellationToken);
                if (read > 0 || first)
                {
                    await call.RequestStream.WriteAsync(new AnalyzeChunk
                    {
                        FileName = first ? fileName : "",
                        Data = ByteString.CopyFrom(buffer, 0, read),
                    }, cancellationToken);
                    first = false;
                }
            }
            while (read > 0);

            await call.RequestStream.CompleteAsync();
            return Map(await call.ResponseAsync);
        });
    }

    /// <summary>Sends <paramref name="bytes"/> for analysis under <paramref name="fileName"/>.</summary>
    /// <exception cref="ScoringServiceException">The file is too large (ResourceExhausted, naming the limit), or the service failed.</exception>
    public async Task<MediaAnalysisResult> AnalyzeAsync(ReadOnlyMemory<byte> bytes, string fileName, CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        return await AnalyzeAsync(stream, fileName, cancellationToken);
    }

    internal static MediaAnalysisResult Map(MediaAnalysis a) => new MediaAnalysisResult(
        a.Md5, a.Sha1, a.Sha256, a.ByteLength,
        a.Image switch
        {
            ImageStatus.Image => MediaImageStatus.Image,
            ImageStatus.NotImage => MediaImageStatus.NotImage,
            ImageStatus.TooLarge => MediaImageStatus.TooLarge,
            _ => MediaImageStatus.Unreadable,
        },
        a.ImageProblem,
        a.Image == ImageStatus.Image ? a.Pdq : null,
        a.Image == ImageStatus.Image ? a.PdqQuality : null,
        [.. a.Matches.Select(m => new MediaMatch(
            m.HashType switch { Protos.V1.HashType.Md5 => "md5", Protos.V1.HashType.Sha1 => "sha1", Protos.V1.HashType.Sha256 => "sha256", _ => "pdq" },
            m.Match.Set, m.Match.Category, m.Match.Source, m.Match.Distance, m.Match.MatchedValue))])
    {
        Signals = a.Signals is { } signals ? Store.Analysis.FileMediaSignals.Of(signals)
            : FrameSignals(a) is { Count: > 0 } frames ? Store.Analysis.FileMediaSignals.MaxOverFrames(frames)
            : a.SignalsProblem.Length > 0 ? Store.Analysis.FileMediaSignals.Absent(a.SignalsProblem)
            : null,
        VideoFrames = a.Video?.Frames.Count ?? 0,
    };

    // A video's sampled frames, each summarised; the file's summary is their maximum (FileMediaSignals.MaxOverFrames).
    private static List<Store.Analysis.FileMediaSignals> FrameSignals(MediaAnalysis a) =>
        a.Video is null ? [] : [.. a.Video.Frames.Where(f => f.Signals is not null).Select(f => Store.Analysis.FileMediaSignals.Of(f.Signals))];
}
