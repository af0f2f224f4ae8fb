using Katalyst.Inference.Partners;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Katalyst.Inference.Tests.Partners;

/// <summary>What the service does at start-up without a partners file, or with a bad one.</summary>
public sealed class PartnersStartTests
{
    [Fact]
    public void Start_NoPartnersPathOutsideDevelopment_RefusesNamingTheKey()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Partners:Path", ""));

        var ex = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Partners:Path is not set", Flatten(ex), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_PartnerLimitAboveTheServiceMaximum_RefusesNamingTheEntry()
    {
        using var server = new PartnersServer();
        server.AddKey("greedy", maxRequestBytes: 64 * 1024 * 1024);

        var ex = Assert.ThrowsAny<Exception>(() => server.Start());

        Assert.Contains("partners[0].maxRequestBytes", Flatten(ex), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_MethodNotShapedLikeAMethod_NamesTheEntryAndMethod()
    {
        var entry = new PartnerEntry { Name = "p", KeyId = "0123456789abcdef", KeySha256 = new string('a', 64), Methods = ["*", "Score"], ExpiresAt = DateTimeOffset.UnixEpoch };

        Assert.StartsWith("partners[0].methods[1]", PartnersFile.Problem([entry]), StringComparison.Ordinal);
    }

    private static string Flatten(Exception ex) => ex is AggregateException all ? string.Join(" | ", all.Flatten().InnerExceptions.Select(e => e.Message)) : ex.ToString();
}
