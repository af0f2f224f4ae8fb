using Google.Protobuf;
using Grpc.Net.Client;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Tests.Media.Models;

/// <summary>One <c>Media.Analyze</c> call: the bytes sent in 1 MiB chunks, the first naming the file.</summary>
internal static class MediaCalls
{
    public static async Task<MediaAnalysis> AnalyzeAsync(GrpcChannel channel, string name, byte[] bytes)
    {
        var ct = TestContext.Current.CancellationToken;
        using var call = new Protos.V1.Media.MediaClient(channel).Analyze(cancellationToken: ct);
        const int Chunk = 1 << 20;
        for (var offset = 0; offset == 0 || offset < bytes.Length; offset += Chunk)
        {
            var part = bytes.AsSpan(offset, Math.Min(Chunk, bytes.Length - offset));
            await call.RequestStream.WriteAsync(new AnalyzeChunk { FileName = offset == 0 ? name : "", Data = ByteString.CopyFrom(part) }, ct);
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }
}
