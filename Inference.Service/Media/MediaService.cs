using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using Grpc.Core;
using Katalyst.Inference.HashSets;
using Katalyst.Inference.Media.Models;
using Katalyst.Inference.Media.Text;
using Katalyst.Inference.Media.Video;
using Katalyst.Media.Matching;
using Katalyst.Media.Text;
using Katalyst.Protos.V1;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Katalyst.Inference.Media;

/// <summary>
/// The <c>katalyst.v1.Media</c> gRPC service: gathers one file's chunks up to the configured limit, hands the bytes to
/// <see cref="FileAnalyzer"/> with one version of the hash sets, runs a decoded picture through the media models
/// (<see cref="ImageSignalsAnalyzer"/>, the text detector and <see cref="ImageTextReader"/>) when they are loaded, tries
/// bytes that are no image as a video (<see cref="VideoAnalyzer"/>), and maps the answer.
/// </summary>
public sealed partial class MediaService(
    FileAnalyzer analyzer, LoadedHashSets sets, MediaModelsState models, ImageSignalsAnalyzer signals, ImageTextReader text, VideoAnalyzer video,
    IOptions<MediaAnalysisOptions> options, ILogger<MediaService> logger)
    : Protos.V1.Media.MediaBase
{
    /// <inheritdoc />
    public override async Task<MediaAnalysis> Analyze(IAsyncStreamReader<AnalyzeChunk> requestStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(context);
        var limit = options.Value.MaxFileBytes;
        var buffer = new ArrayBufferWriter<byte>();
        string? name = null;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var chunk = requestStream.Current;
            if (name is null)
            {
                name = chunk.FileName.Trim();
                if (name.Length == 0)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, "file_name: the first chunk must name the file"));
                }
            }

            if (buffer.WrittenCount + (long)chunk.Data.Length > limit)
            {
                LogTooLarge(name, limit);
                throw new RpcException(new Status(StatusCode.ResourceExhausted, string.Create(CultureInfo.InvariantCulture,
                    $"{name}: more than {limit:N0} bytes, the most one file may have ({MediaAnalysisOptions.Section}:MaxFileBytes)")));
            }

            chunk.Data.Span.CopyTo(buffer.GetSpan(chunk.Data.Length));
            buffer.Advance(chunk.Data.Length);
        }

        if (name is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "chunks: the stream sent no chunk; the first must name the file"));
        }

        var version = sets.Current;
        var loaded = models.Set;
        SKImage? picture = null;
        TextDetection? detection = null;
        try
        {
            var analysis = analyzer.Analyze(buffer.WrittenSpan, name, version.Matcher, loaded is null ? null : decoded =>
            {
                picture = ImageTensors.ToImage(decoded);
                detection = loaded.Text.Detect(decoded);
            });
            var mapped = Map(analysis, version.LoadedAt);
            if (analysis.Image == ImageOutcome.Image)
            {
                if (loaded is not null && picture is not null && detection is not null)
                {
                    var signalsTask = signals.AnalyzeAsync(loaded, picture, context.CancellationToken);
                    var found = await text.ReadAsync(picture, detection, name, context.CancellationToken);
                    mapped.Signals = ImageSignalsMapping.Map(await signalsTask);
                    mapped.Text = ImageTextMapping.Map(found);
                }
                else
                {
                    mapped.SignalsProblem = models.Problem;
                }
            }
            else if (analysis.Image == ImageOutcome.NotImage && MemoryMarshal.TryGetArray(buffer.WrittenMemory, out var bytes))
            {
                await AddVideoAsync(mapped, bytes, name, version.Matcher, loaded, context.CancellationToken);
            }

            return mapped;
        }
        finally
        {
            picture?.Dispose();
        }
    }

    // The video's frames' matches join the file's own, nearest first: a known frame makes the file known.
    private async Task AddVideoAsync(MediaAnalysis mapped, ArraySegment<byte> bytes, string name, KnownHashMatcher matcher, MediaModelSet? loaded, CancellationToken cancellationToken)
    {
        mapped.Video = await video.AnalyzeAsync(bytes, name, matcher, loaded, cancellationToken);
        if (mapped.Video.Frames.Count == 0)
        {
            return;
        }

        if (loaded is null)
        {
            mapped.SignalsProblem = models.Problem;
        }

        var all = mapped.Matches.Concat(mapped.Video.Frames.SelectMany(f => f.Matches)).OrderBy(m => m.Match.Distance).ToList();
        mapped.Matches.Clear();
        mapped.Matches.AddRange(all);
    }

    private static MediaAnalysis Map(FileAnalysis analysis, DateTimeOffset loadedAt)
    {
        var mapped = new MediaAnalysis
        {
            Md5 = analysis.Md5,
            Sha1 = analysis.Sha1,
            Sha256 = analysis.Sha256,
            ByteLength = analysis.ByteLength,
            Image = analysis.Image switch
            {
                ImageOutcome.Image => ImageStatus.Image,
                ImageOutcome.NotImage => ImageStatus.NotImage,
                ImageOutcome.TooLarge => ImageStatus.TooLarge,
                _ => ImageStatus.Unreadable,
            },
            ImageProblem = analysis.ImageProblem,
            ImageFormat = analysis.ImageFormat,
            Pdq = analysis.Pdq?.Hash.ToString() ?? "",
            PdqQuality = analysis.Pdq?.Quality ?? 0,
            SetsLoadedAt = loadedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        mapped.Matches.AddRange(analysis.Matches.Select(MediaMatchMapping.Map));
        return mapped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media.Analyze refused {File}: more than {Limit} bytes")]
    private partial void LogTooLarge(string file, long limit);
}
