using Katalyst.Referrals.Scoring.Balancing;

namespace Katalyst.Referrals.Tests.Scoring.Balancing;

public sealed class ScoringTargetTests
{
    [Fact]
    public void Parse_SingleAddress_OneReplicaPlainHttp()
    {
        var target = ScoringTarget.Parse(["http://127.0.0.1:5081"], "Scoring:Server");

        Assert.Equal([new Uri("http://127.0.0.1:5081")], target.Addresses);
        Assert.Null(target.DnsHostAndPort);
        Assert.False(target.UsesTls);
    }

    [Fact]
    public void Parse_StaticHttpsList_EveryReplicaOverTls()
    {
        var target = ScoringTarget.Parse(["https://scoring-1:5081", "https://scoring-2:5081", "https://scoring-3:5081"], "Scoring:Addresses");

        Assert.Equal(3, target.Addresses.Count);
        Assert.True(target.UsesTls);
        Assert.Equal("https://scoring-1:5081,https://scoring-2:5081,https://scoring-3:5081", target.ToString());
    }

    [Fact]
    public void Parse_DnsAddress_HostAndPortAndTlsAsAsked()
    {
        var target = ScoringTarget.Parse(["dns:///scoring.katalyst.svc.cluster.local:5081"], "Scoring:Server", dnsTls: true);

        Assert.Equal("scoring.katalyst.svc.cluster.local:5081", target.DnsHostAndPort);
        Assert.Empty(target.Addresses);
        Assert.True(target.UsesTls);
        Assert.Equal("dns:///scoring.katalyst.svc.cluster.local:5081", target.ToString());
    }

    [Fact]
    public void ParseList_CommaSeparated_EveryAddress()
    {
        var target = ScoringTarget.ParseList("http://10.0.0.1:5081, http://10.0.0.2:5081", "--server");

        Assert.Equal(["10.0.0.1", "10.0.0.2"], target.Addresses.Select(a => a.Host));
    }

    [Theory]
    [InlineData("dns:///scoring", "Scoring:Server 'dns:///scoring' is not dns:///host:port (the port is required)")]
    [InlineData("scoring:5081", "Scoring:Server 'scoring:5081' is not an address: write http://host:port, https://host:port or dns:///host:port")]
    [InlineData("ftp://scoring:5081", "Scoring:Server 'ftp://scoring:5081' is not an address: write http://host:port, https://host:port or dns:///host:port")]
    [InlineData("http://scoring:5081/v1", "Scoring:Server 'http://scoring:5081/v1' has more than scheme, host and port")]
    [InlineData(" ", "Scoring:Server is empty")]
    public void Parse_BadSingleAddress_NamesKeyAndValue(string address, string message)
    {
        var ex = Assert.Throws<FormatException>(() => ScoringTarget.Parse([address], "Scoring:Server"));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_MixedSchemes_NamesTheEntry()
    {
        var ex = Assert.Throws<FormatException>(() => ScoringTarget.Parse(["http://a:5081", "https://b:5081"], "Scoring:Addresses"));

        Assert.StartsWith("Scoring:Addresses[1] 'https://b:5081' is https but the first address is http", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DnsAmongOthers_Refused()
    {
        var ex = Assert.Throws<FormatException>(() => ScoringTarget.Parse(["http://a:5081", "dns:///scoring:5081"], "Scoring:Addresses"));

        Assert.StartsWith("Scoring:Addresses[1] 'dns:///scoring:5081': a dns:/// address must be the only one", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RepeatedReplica_NamesBothEntries()
    {
        var ex = Assert.Throws<FormatException>(() => ScoringTarget.Parse(["http://a:5081", "http://b:5081", "http://A:5081/"], "Scoring:Addresses"));

        Assert.Equal("Scoring:Addresses[2] 'http://A:5081/' repeats Scoring:Addresses[0]", ex.Message);
    }

    [Fact]
    public void Parse_NoAddress_SaysWhatToGive()
    {
        var ex = Assert.Throws<FormatException>(() => ScoringTarget.Parse([], "Scoring:Addresses"));

        Assert.Contains("Scoring:Addresses names no scoring service", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "MaxAttempts must be 1 to 5 (is 0)")]
    [InlineData(6, "MaxAttempts must be 1 to 5 (is 6)")]
    public void ScoringChannelCreate_BadOptions_NamesTheProperty(int attempts, string message)
    {
        var target = ScoringTarget.Parse(["http://127.0.0.1:5081"], "Scoring:Server");

        var ex = Assert.Throws<ArgumentException>(() => ScoringChannel.Create(target, new ScoringChannelOptions { MaxAttempts = attempts }));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoringChannelCreate_StaticListAndDns_LoadBalancingChannelsIdleUntilFirstCall()
    {
        using var list = ScoringChannel.Create(ScoringTarget.Parse(["http://127.0.0.1:5081", "http://127.0.0.1:5082"], "Scoring:Addresses"));
        using var dns = ScoringChannel.Create(ScoringTarget.Parse(["dns:///localhost:5081"], "Scoring:Server"));

        // Connectivity state exists only on a channel that balances (a plain HttpClient transport throws here).
        Assert.Equal(Grpc.Core.ConnectivityState.Idle, list.State);
        Assert.Equal(Grpc.Core.ConnectivityState.Idle, dns.State);
    }
}
