using Grpc.Health.V1;

namespace Katalyst.Inference.Tests.Hosting;

public sealed class HealthTests(InferenceServer server) : IClassFixture<InferenceServer>
{
    [Fact]
    public async Task Check_WholeServer_ReturnsServing()
    {
        var client = new Health.HealthClient(server.Channel);

        var reply = await client.CheckAsync(
            new HealthCheckRequest { Service = "" },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }
}
