using System.Security.Cryptography;
using Katalyst.Inference.Tests.HashSets;
using Katalyst.Referrals.Scoring;

namespace Katalyst.Inference.Tests.Media;

/// <summary>The typed <see cref="ScoringClient.AnalyzeAsync(Stream, string, CancellationToken)"/> against the real service.</summary>
public sealed class ScoringClientMediaTests : IDisposable
{
    private readonly HashSetsServer server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task AnalyzeAsync_KnownPicture_PlainRecordWithPdqQualityAndMatches()
    {
        using var picture = DrawnImages.Draw(11);
        var bytes = DrawnImages.Encode(picture);
        var pdq = MediaServiceTests.Pdq(bytes);
        server.Import("ncmec", $"md5,{Convert.ToHexStringLower(MD5.HashData(bytes))},A1,NCMEC\n");
        server.Start();
        using var client = Client();

        var result = await client.AnalyzeAsync(bytes, "known.png", Ct);

        Assert.Equal((MediaImageStatus.Image, pdq, Convert.ToHexStringLower(SHA256.HashData(bytes))), (result.Image, result.Pdq, result.Sha256));
        Assert.NotNull(result.Quality);
        Assert.Equal(new MediaMatch("md5", "ncmec", "A1", "NCMEC", 0, Convert.ToHexStringLower(MD5.HashData(bytes))), Assert.Single(result.Matches));
    }

    [Fact]
    public async Task AnalyzeAsync_TooLarge_ScoringServiceExceptionNamingTheLimit()
    {
        server.Start(new Dictionary<string, string> { ["Media:Analysis:MaxFileBytes"] = "10" });
        using var client = Client();

        var error = await Assert.ThrowsAsync<ScoringServiceException>(() => client.AnalyzeAsync(new byte[11], "big.bin", Ct));

        Assert.Equal("ResourceExhausted", error.Status);
        Assert.Contains("Media:Analysis:MaxFileBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_EmptyFile_NotAnImageWithTheEmptyHashes()
    {
        server.Start();
        using var client = Client();

        var result = await client.AnalyzeAsync(ReadOnlyMemory<byte>.Empty, "empty.bin", Ct);

        Assert.Equal((MediaImageStatus.NotImage, 0L, Convert.ToHexStringLower(SHA256.HashData([]))), (result.Image, result.ByteLength, result.Sha256));
        Assert.Null(result.Pdq);
        Assert.Empty(result.Matches);
    }

    private ScoringClient Client() => new(server.BaseAddress, server.CreateHandler());
}
