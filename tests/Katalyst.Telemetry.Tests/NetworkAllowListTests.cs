using System.Net;

namespace Katalyst.Telemetry.Tests;

public sealed class NetworkAllowListTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.20.1.5", false)]
    [InlineData("192.168.1.1", false)]
    public void Allows_NothingConfigured_LoopbackOnly(string address, bool allowed) =>
        Assert.Equal(allowed, new NetworkAllowList([]).Allows(IPAddress.Parse(address)));

    [Theory]
    [InlineData("10.20.1.5", true)]
    [InlineData("10.21.0.1", false)]
    [InlineData("127.0.0.1", false)]
    public void Allows_NetworkConfigured_OnlyThatNetwork(string address, bool allowed) =>
        Assert.Equal(allowed, new NetworkAllowList(["10.20.0.0/16"]).Allows(IPAddress.Parse(address)));

    [Fact]
    public void Allows_UnknownAddress_Refused() => Assert.False(new NetworkAllowList([]).Allows(null));
}
