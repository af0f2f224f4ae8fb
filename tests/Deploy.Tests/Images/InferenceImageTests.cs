using System.Security.Cryptography;
using System.Text;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Katalyst.Deploy.Tests.Images;

public sealed class InferenceImageTests(InferenceImage image) : IClassFixture<InferenceImage>
{
    [Fact]
    public void Dockerfile_CopySources_ExistInPublishOutput() => ImageAssertions.CopySourcesExist(image);

    [Fact]
    public void Image_Laid_HoldsEveryAssemblyAndNativeLibrary()
    {
        ImageAssertions.ImageHoldsWhatTheAppLoads(image);
        Assert.True(File.Exists(Path.Combine(image.AppPath, "models", "manifest.json")), "the image has no models/manifest.json");
    }

    [Fact]
    public async Task Image_StartedAsInProduction_HealthServingAndReady()
    {
        var port = LoopbackPort.Free();
        var operations = LoopbackPort.Free();
        var hashSets = Directory.CreateDirectory(Path.Combine(image.DataPath, "hashsets")).FullName;
        var partners = Path.Combine(image.DataPath, "partners.json");
        await File.WriteAllTextAsync(partners, OnePartner(), TestContext.Current.CancellationToken);
        await using var service = ImageProcess.Start(image, new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Grpc__Url"] = $"http://127.0.0.1:{port}",
            ["Kestrel__Endpoints__Operations__Url"] = $"http://127.0.0.1:{operations}",
            ["HashSets__Path"] = hashSets,
            ["Partners__Path"] = partners,
        });
        await service.ListeningAsync(port);

        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);

        using var http = new HttpClient();
        using var ready = await http.GetAsync(new Uri($"http://127.0.0.1:{operations}/health/ready"), TestContext.Current.CancellationToken);

        Assert.True(health.Status == HealthCheckResponse.Types.ServingStatus.Serving, service.Log);
        Assert.True(ready.IsSuccessStatusCode, $"/health/ready answered {(int)ready.StatusCode}: {service.Log}");
    }

    // Production refuses to start without a partners file: one partner, as `katalyst partners add` writes it.
    private static string OnePartner()
    {
        var key = $"ktl_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return $$"""
            {"partners": [{"name": "image-test", "keyId": "{{key.Substring(4, 16)}}", "keySha256": "{{sha256}}", "methods": ["*"],
              "expiresAt": "2999-01-01T00:00:00Z", "ratePerSecond": 100, "maxRequestBytes": 4194304}]}
            """;
    }
}
