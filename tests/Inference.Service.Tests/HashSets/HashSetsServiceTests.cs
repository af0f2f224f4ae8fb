using Grpc.Core;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Tests.HashSets;

/// <summary>Matching hashes and listing sets over a real gRPC channel.</summary>
public sealed class HashSetsServiceTests : IDisposable
{
    private const string Md5 = "0123456789abcdef0123456789abcdef";
    private const string Sha1 = "0123456789abcdef0123456789abcdef01234567";
    private const string Pdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
    private const string PdqAt3 = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b2c"; // last digit 2 -> c: 3 bits differ

    private readonly HashSetsServer server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task Match_Batch_AnswersEachHashInOrderWithSetCategorySourceAndDistance()
    {
        server.Import("ncmec", $"md5,{Md5},A1,NCMEC\npdq,{Pdq},B1,NCMEC\n");
        server.Start();
        var request = new MatchHashesRequest();
        request.Hashes.Add(new HashToMatch { Type = HashType.Pdq, Value = PdqAt3 });
        request.Hashes.Add(new HashToMatch { Type = HashType.Sha1, Value = Sha1 });
        request.Hashes.Add(new HashToMatch { Type = HashType.Md5, Value = Md5.ToUpperInvariant() });

        var response = await Client().MatchAsync(request, cancellationToken: Ct);

        Assert.Equal(3, response.Results.Count);
        Assert.Equal(new HashSetMatch { Set = "ncmec", Category = "B1", Source = "NCMEC", Distance = 3, MatchedValue = Pdq }, Assert.Single(response.Results[0].Matches));
        Assert.Empty(response.Results[1].Matches);
        Assert.Equal(new HashSetMatch { Set = "ncmec", Category = "A1", Source = "NCMEC", Distance = 0, MatchedValue = Md5 }, Assert.Single(response.Results[2].Matches));
    }

    [Fact]
    public async Task List_EnabledAndDisabledSets_ListsEachWithRadiusAndCounts()
    {
        server.Import("ncmec", $"md5,{Md5},A1,NCMEC\npdq,{Pdq},B1,NCMEC\n", radius: 20);
        server.Import("old", $"sha1,{Sha1},A2,Local\n", enabled: false);
        server.Start();

        var list = await Client().ListAsync(new ListHashSetsRequest(), cancellationToken: Ct);

        Assert.Equal(["ncmec:True:20:1/0/0/1", "old:False:31:0/1/0/0"], list.Sets.Select(s => $"{s.Name}:{s.Enabled}:{s.Radius}:{s.Counts.Md5}/{s.Counts.Sha1}/{s.Counts.Sha256}/{s.Counts.Pdq}"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", list.Sets[0].ImportedAt);
    }

    [Fact]
    public async Task Match_DisabledSet_NotMatched()
    {
        server.Import("old", $"sha1,{Sha1},A2,Local\n", enabled: false);
        server.Start();
        var request = new MatchHashesRequest { Hashes = { new HashToMatch { Type = HashType.Sha1, Value = Sha1 } } };

        var response = await Client().MatchAsync(request, cancellationToken: Ct);

        Assert.Empty(Assert.Single(response.Results).Matches);
    }

    [Theory]
    [InlineData(HashType.Md5, "0123", "hashes[1].value: a md5 hash is 32 hex digits, not 4 characters")]
    [InlineData(HashType.Unspecified, Md5, "hashes[1].type: Unspecified is not a hash type; use MD5, SHA1, SHA256 or PDQ")]
    [InlineData(HashType.Pdq, "zz" + "f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22", "hashes[1].value: a pdq hash is hex digits only")]
    public async Task Match_BadItem_InvalidArgumentNamingItsIndexAndProblem(HashType type, string value, string expected)
    {
        server.Start();
        var request = new MatchHashesRequest { Hashes = { new HashToMatch { Type = HashType.Md5, Value = Md5 }, new HashToMatch { Type = type, Value = value } } };

        var error = await Assert.ThrowsAsync<RpcException>(() => Client().MatchAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(expected, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_EmptyBatch_InvalidArgument()
    {
        server.Start();

        var error = await Assert.ThrowsAsync<RpcException>(() => Client().MatchAsync(new MatchHashesRequest(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("hashes: send 1 to 10,000 hashes, not 0", error.Status.Detail);
    }

    [Fact]
    public async Task Import_WhileRunning_NewSetMatchedWithoutRestart()
    {
        server.Start();
        var request = new MatchHashesRequest { Hashes = { new HashToMatch { Type = HashType.Md5, Value = Md5 } } };
        Assert.Empty((await Client().MatchAsync(request, cancellationToken: Ct)).Results[0].Matches);

        server.Import("late", $"md5,{Md5},A1,NCMEC\n");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        MatchHashesResponse response;
        do
        {
            await Task.Delay(100, Ct);
            response = await Client().MatchAsync(request, cancellationToken: Ct);
        }
        while (response.Results[0].Matches.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(15));

        Assert.Equal("late", Assert.Single(response.Results[0].Matches).Set);
    }

    [Fact]
    public async Task Manifest_BrokenOnDisk_SetsInForceStay()
    {
        server.Import("ncmec", $"md5,{Md5},A1,NCMEC\n");
        server.Start();
        await File.WriteAllTextAsync(Path.Combine(server.FolderPath, "manifest.json"), "{ not json", Ct);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // give the watcher time to see (and refuse) the edit

        var list = await Client().ListAsync(new ListHashSetsRequest(), cancellationToken: Ct);

        Assert.Equal("ncmec", Assert.Single(list.Sets).Name);
    }

    private Protos.V1.HashSets.HashSetsClient Client() => new(server.Channel);
}
