using Grpc.Reflection.V1Alpha;

namespace Katalyst.Inference.Tests.Hosting;

public sealed class ReflectionTests(InferenceServer server) : IClassFixture<InferenceServer>
{
    [Fact]
    public async Task ListServices_Always_ListsServiceInfoAndHealth()
    {
        var client = new ServerReflection.ServerReflectionClient(server.Channel);
        var cancellationToken = TestContext.Current.CancellationToken;

        using var call = client.ServerReflectionInfo(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, cancellationToken);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(cancellationToken), "The reflection service sent no reply.");
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("katalyst.v1.ServiceInfo", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }
}
