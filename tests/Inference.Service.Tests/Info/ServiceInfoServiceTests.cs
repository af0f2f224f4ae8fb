using System.Globalization;
using Katalyst.Protos.V1;

namespace Katalyst.Inference.Tests.Info;

public sealed class ServiceInfoServiceTests(InferenceServer server) : IClassFixture<InferenceServer>
{
    [Fact]
    public async Task GetInfo_OverChannel_ReturnsServiceNameAndVersion()
    {
        var client = new ServiceInfo.ServiceInfoClient(server.Channel);

        var reply = await client.GetInfoAsync(new GetInfoRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Katalyst.Inference", reply.Service);
        Assert.False(string.IsNullOrWhiteSpace(reply.Version));
        Assert.StartsWith(".NET", reply.Runtime, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(reply.Os));
    }

    [Fact]
    public async Task GetInfo_OverChannel_ReturnsUtcStartTimeInThePast()
    {
        var client = new ServiceInfo.ServiceInfoClient(server.Channel);

        var reply = await client.GetInfoAsync(new GetInfoRequest(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.EndsWith("Z", reply.StartedAt, StringComparison.Ordinal);
        var startedAt = DateTimeOffset.Parse(reply.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(startedAt, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow);
    }
}
