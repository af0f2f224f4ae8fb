using System.Buffers;
using System.Globalization;
using Grpc.Core;
using Katalyst.Inference.HashSets;
using Katalyst.Inference.Media.Models;
using Katalyst.Protos.V1;
using Microsoft.Extensions.Options;
using SkiaSharp;
using MediaHashType = Katalyst.Media.HashSets.HashType;
using ProtoHashType = Katalyst.Protos.V1.HashType;

namespace Katalyst.Inference.Media;

/// <summary>
/// The <c>katalyst.v1.Media</c> gRPC service: gathers one file's chunks up to the configured limit, hands the bytes to
/// <see cref="FileAnalyzer"/> with one version of the hash sets, runs a decoded picture through the media models
/// (<see cref="ImageSignalsAnalyzer"/>) when they are loaded, and maps the answer.
/// </summary>
public sealed partial class MediaService(
    FileAnalyzer analyzer, LoadedHashSets sets, MediaModelsState models, ImageSignalsAnalyzer signals, IOptions<MediaAnalysisOptions> options, ILogger<MediaService> logger)
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
        try
        {
            var analysis = analyzer.Analyze(buffer.WrittenSpan, name, version.Matcher, loaded is null ? null : decoded => picture = ImageTensors.ToImage(decoded));
            var mapped = Map(analysis, version.LoadedAt);
            if (analysis.Image == ImageOutcome.Image)
            {
                if (loaded is not null && picture is not null)
                {
                    mapped.Signals = ImageSignalsMapping.Map(await signals.AnalyzeAsync(loaded, picture, context.CancellationToken));
                }
                else
                {
                    mapped.SignalsProblem = models.Problem;
                }
            }

            return mapped;
        }
        finally
        {
            picture?.Dispose();
        }
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
        mapped.Matches.AddRange(analysis.Matches.Select(m => new MediaMatch
        {
            HashType = m.HashType switch
            {
                MediaHashType.Md5 => ProtoHashType.Md5,
                MediaHashType.Sha1 => ProtoHashType.Sha1,
                MediaHashType.Sha256 => ProtoHashType.Sha256,
                _ => ProtoHashType.Pdq,
            },
            Match = new HashSetMatch
            {
                Set = m.Match.Set, Category = m.Match.Category, Source = m.Match.Source, Distance = m.Match.Distance, MatchedValue = m.Match.MatchedHash,
            },
            // PdqDihedral's values are PdqTransform's, in upstream's order.
            PdqTransform = (PdqTransform)(int)m.Match.Transform,
        }));
        return mapped;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media.Analyze refused {File}: more than {Limit} bytes")]
    private partial void LogTooLarge(string file, long limit);
}
