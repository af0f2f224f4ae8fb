using System.Buffers.Binary;
using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Katalyst.Inference.Tests.HashSets;
using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;
using Katalyst.Protos.V1;
using SkiaSharp;

namespace Katalyst.Inference.Tests.Media;

/// <summary><c>katalyst.v1.Media.Analyze</c> over a real gRPC channel, with pictures drawn by code and hash sets built here.</summary>
public sealed class MediaServiceTests : IDisposable
{
    private readonly HashSetsServer server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task Analyze_KnownPicture_HashesAndMatchesSha256AndPdqExactly()
    {
        using var picture = DrawnImages.Draw(1);
        var bytes = DrawnImages.Encode(picture);
        var pdq = Pdq(bytes);
        server.Import("ncmec", $"sha256,{Hex(SHA256.HashData(bytes))},A1,NCMEC\npdq,{pdq},A1,NCMEC\n");
        server.Start();

        var analysis = await AnalyzeAsync("known.png", bytes);

        Assert.Equal((Hex(MD5.HashData(bytes)), Hex(SHA1.HashData(bytes)), Hex(SHA256.HashData(bytes)), (long)bytes.Length),
            (analysis.Md5, analysis.Sha1, analysis.Sha256, analysis.ByteLength));
        Assert.Equal((ImageStatus.Image, "png", pdq), (analysis.Image, analysis.ImageFormat, analysis.Pdq));
        Assert.InRange(analysis.PdqQuality, 50, 100);
        Assert.Equal(["Sha256:ncmec:A1:NCMEC:0", "Pdq:ncmec:A1:NCMEC:0"], analysis.Matches.Select(Describe));
    }

    [Fact]
    public async Task Analyze_ResizedJpegOfKnownPicture_MatchesPdqWithinRadiusOnly()
    {
        using var picture = DrawnImages.Draw(2);
        var original = DrawnImages.Encode(picture);
        server.Import("ncmec", $"md5,{Hex(MD5.HashData(original))},B1,NCMEC\npdq,{Pdq(original)},B1,NCMEC\n");
        server.Start();
        using var smaller = DrawnImages.Resize(picture, 70);
        var nearDuplicate = DrawnImages.Encode(smaller, SKEncodedImageFormat.Jpeg, 75);

        var analysis = await AnalyzeAsync("near.jpg", nearDuplicate);

        var match = Assert.Single(analysis.Matches);
        Assert.Equal(HashType.Pdq, match.HashType);
        Assert.Equal(("ncmec", "B1"), (match.Match.Set, match.Match.Category));
        Assert.InRange(match.Match.Distance, 1, 31);
        Assert.Equal(Pdq(nearDuplicate), analysis.Pdq);
    }

    [Fact]
    public async Task Analyze_TurnedAndMirroredCopiesOfKnownPicture_MatchPdqNamingTheTransform()
    {
        // 320 x 320: PDQ's sampling is symmetric, so a turn's variant is exact (see DihedralMatchTests).
        using var picture = DrawnImages.Draw(7, 320, 320);
        var original = DrawnImages.Encode(picture);
        server.Import("ncmec", $"pdq,{Pdq(original)},A1,NCMEC\n");
        server.Start();
        using var turned = DrawnImages.TurnClockwise(picture);
        using var mirrored = DrawnImages.Mirror(picture);

        var turnedMatch = Assert.Single((await AnalyzeAsync("turned.png", DrawnImages.Encode(turned))).Matches);
        var mirroredMatch = Assert.Single((await AnalyzeAsync("mirrored.jpg", DrawnImages.Encode(mirrored, SKEncodedImageFormat.Jpeg, 80))).Matches);
        var asIs = Assert.Single((await AnalyzeAsync("original.png", original)).Matches);

        Assert.Equal((HashType.Pdq, PdqTransform.Rotate90, Pdq(original)), (turnedMatch.HashType, turnedMatch.PdqTransform, turnedMatch.Match.MatchedValue));
        Assert.InRange(turnedMatch.Match.Distance, 0, 31);
        Assert.Equal((HashType.Pdq, PdqTransform.FlipY), (mirroredMatch.HashType, mirroredMatch.PdqTransform));
        Assert.InRange(mirroredMatch.Match.Distance, 0, 31);
        Assert.Equal((PdqTransform.None, 0), (asIs.PdqTransform, asIs.Match.Distance));
    }

    [Fact]
    public async Task Analyze_TurnedCopyWithDihedralMatchingOff_NoMatch()
    {
        using var picture = DrawnImages.Draw(7, 320, 320);
        server.Import("ncmec", $"pdq,{Pdq(DrawnImages.Encode(picture))},A1,NCMEC\n");
        server.Start(new Dictionary<string, string> { ["Media:Analysis:MatchDihedral"] = "false" });
        using var turned = DrawnImages.TurnClockwise(picture);

        var analysis = await AnalyzeAsync("turned.png", DrawnImages.Encode(turned));

        Assert.Equal(ImageStatus.Image, analysis.Image);
        Assert.Empty(analysis.Matches);
    }

    [Fact]
    public async Task Analyze_UnknownPicture_NoMatches()
    {
        using var known = DrawnImages.Draw(3);
        server.Import("ncmec", $"pdq,{Pdq(DrawnImages.Encode(known))},A2,NCMEC\n");
        server.Start();
        using var other = DrawnImages.Draw(4);

        var analysis = await AnalyzeAsync("new.png", DrawnImages.Encode(other));

        Assert.Equal(ImageStatus.Image, analysis.Image);
        Assert.Empty(analysis.Matches);
    }

    [Fact]
    public async Task Analyze_TextFile_SaysNotAnImageAndStillMatchesExactly()
    {
        var bytes = "a synthetic chat log, not an image"u8.ToArray();
        server.Import("local", $"sha1,{Hex(SHA1.HashData(bytes))},B2,Local\n");
        server.Start();

        var analysis = await AnalyzeAsync("chat.txt", bytes);

        Assert.Equal((ImageStatus.NotImage, ""), (analysis.Image, analysis.Pdq));
        Assert.StartsWith("chat.txt: is not an image", analysis.ImageProblem, StringComparison.Ordinal);
        Assert.Equal(["Sha1:local:B2:Local:0"], analysis.Matches.Select(Describe));
    }

    [Fact]
    public async Task Analyze_TruncatedPicture_SaysUnreadable()
    {
        server.Start();
        using var picture = DrawnImages.Draw(5);
        var bytes = DrawnImages.Encode(picture, SKEncodedImageFormat.Jpeg);

        var analysis = await AnalyzeAsync("cut.jpg", bytes.AsSpan(0, bytes.Length / 3).ToArray());

        Assert.Equal((ImageStatus.Unreadable, ""), (analysis.Image, analysis.Pdq));
        Assert.Contains("cut.jpg", analysis.ImageProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_PngDeclaringTooManyPixels_RefusedAsTooLargeByDeclaredSize()
    {
        server.Start(new Dictionary<string, string> { ["Media:Decoding:MaxPixels"] = "1000000" });
        var bomb = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52 }.CopyTo(bomb, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(16), 50_000);
        BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(20), 50_000);
        bomb[24] = 8;
        bomb[25] = 2;

        var analysis = await AnalyzeAsync("bomb.png", bomb);

        Assert.Equal(ImageStatus.TooLarge, analysis.Image);
        Assert.Contains("Media:Decoding:MaxPixels", analysis.ImageProblem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MoreBytesThanTheLimit_ResourceExhaustedNamingTheLimit()
    {
        server.Start(new Dictionary<string, string> { ["Media:Analysis:MaxFileBytes"] = "1000" });

        var error = await Assert.ThrowsAsync<RpcException>(() => AnalyzeAsync("big.bin", new byte[1001], chunk: 300));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal("big.bin: more than 1,000 bytes, the most one file may have (Media:Analysis:MaxFileBytes)", error.Status.Detail);
    }

    [Fact]
    public async Task Analyze_FirstChunkWithoutName_InvalidArgumentNamingTheField()
    {
        server.Start();

        var error = await Assert.ThrowsAsync<RpcException>(() => AnalyzeAsync(" ", [1, 2, 3]));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("file_name:", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ManySmallChunks_SameAnswerAsOne()
    {
        server.Start();
        using var picture = DrawnImages.Draw(6);
        var bytes = DrawnImages.Encode(picture);

        var whole = await AnalyzeAsync("a.png", bytes);
        var chunked = await AnalyzeAsync("a.png", bytes, chunk: 97);

        Assert.Equal(whole, chunked);
    }

    internal static string Pdq(byte[] bytes)
    {
        using var decoded = new ImageDecoder().Decode(bytes, "test picture");
        return PdqHasher.Hash(decoded.Pixels).Hash.ToString();
    }

    private static string Hex(byte[] digest) => Convert.ToHexStringLower(digest);

    private static string Describe(MediaMatch m) => $"{m.HashType}:{m.Match.Set}:{m.Match.Category}:{m.Match.Source}:{m.Match.Distance}";

    private async Task<MediaAnalysis> AnalyzeAsync(string name, byte[] bytes, int chunk = 1 << 20)
    {
        using var call = new Protos.V1.Media.MediaClient(server.Channel).Analyze(cancellationToken: Ct);
        for (var offset = 0; offset == 0 || offset < bytes.Length; offset += chunk)
        {
            var part = bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset));
            await call.RequestStream.WriteAsync(new AnalyzeChunk { FileName = offset == 0 ? name : "", Data = ByteString.CopyFrom(part) }, Ct);
        }

        await call.RequestStream.CompleteAsync();
        return await call.ResponseAsync;
    }
}
