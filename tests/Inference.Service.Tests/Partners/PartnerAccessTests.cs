using Grpc.Core;
using Grpc.Health.V1;
using Katalyst.Inference.Tests.Scoring;
using Katalyst.Protos.V1;
using Katalyst.Referrals.Scoring;

namespace Katalyst.Inference.Tests.Partners;

/// <summary>Who gets into the service with an API key, over a real gRPC channel; each protection on its own.</summary>
public sealed class PartnerAccessTests : IDisposable
{
    private readonly PartnersServer server = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Score_KnownKey_Scores()
    {
        var key = server.AddKey("portal");
        server.Start();

        var result = await server.ClientWithKey(key).ScoreAsync(Hallmarks.Plain(1), cancellationToken: Ct);

        Assert.Equal(1, result.ReportId);
        Assert.InRange(result.Tier, 1, 5);
    }

    [Fact]
    public async Task Score_KeyAsXApiKey_Scores()
    {
        var key = server.AddKey("portal");
        server.Start();

        var result = await server.Client(("x-api-key", key)).ScoreAsync(Hallmarks.Plain(2), cancellationToken: Ct);

        Assert.Equal(2, result.ReportId);
    }

    [Fact]
    public async Task Score_NoKey_Unauthenticated()
    {
        server.AddKey("portal");
        server.Start();

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Client().ScoreAsync(Hallmarks.Plain(3), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Score_WrongSecretForAKnownKeyId_Unauthenticated()
    {
        var key = server.AddKey("portal");
        server.Start();
        var forged = key[..^4] + (key[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.ClientWithKey(forged).ScoreAsync(Hallmarks.Plain(4), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Score_KeyOfAnotherService_Unauthenticated()
    {
        server.AddKey("portal");
        server.Start();

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.ClientWithKey("not-a-katalyst-key").ScoreAsync(Hallmarks.Plain(5), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Score_RevokedKey_Unauthenticated()
    {
        var key = server.AddKey("former", revoked: true);
        server.Start();

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.ClientWithKey(key).ScoreAsync(Hallmarks.Plain(6), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("revoked", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_KeyPastItsExpiry_Unauthenticated()
    {
        var key = server.AddKey("short-lived", validFor: TimeSpan.FromHours(1));
        server.Start();
        var client = server.ClientWithKey(key);
        await client.ScoreAsync(Hallmarks.Plain(7), cancellationToken: Ct);

        server.Time.Advance(TimeSpan.FromHours(1));
        var ex = await Assert.ThrowsAsync<RpcException>(() => client.ScoreAsync(Hallmarks.Plain(7), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Contains("expired", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetModels_OutsideThePartnersMethods_PermissionDenied()
    {
        var key = server.AddKey("scorer", methods: "katalyst.v1.Scoring/Score,katalyst.v1.Scoring/ScoreStream");
        server.Start();
        var client = server.ClientWithKey(key);
        await client.ScoreAsync(Hallmarks.Plain(8), cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<RpcException>(() => client.GetModelsAsync(new GetModelsRequest(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("katalyst.v1.Scoring/GetModels", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRules_ServiceWildcardOfAnotherService_PermissionDenied()
    {
        var key = server.AddKey("scorer", methods: "katalyst.v1.Scoring/*");
        server.Start();
        var rules = new TierRules.TierRulesClient(server.Channel().WithApiKey(key));

        var ex = await Assert.ThrowsAsync<RpcException>(() => rules.GetRulesAsync(new GetTierRulesRequest(), cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task Score_OverTheRate_ResourceExhausted()
    {
        // Ten calls in a row against one a second: only if they took nine seconds or more could none be refused.
        var key = server.AddKey("slow", rate: 1);
        server.Start();
        var client = server.ClientWithKey(key);
        var refused = new List<RpcException>();
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await client.ScoreAsync(Hallmarks.Plain(9), cancellationToken: Ct);
            }
            catch (RpcException ex)
            {
                refused.Add(ex);
            }
        }

        Assert.NotEmpty(refused);
        Assert.All(refused, ex => Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode));
        Assert.Contains("rate limit of 1 calls", refused[0].Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScoreStream_MoreMessagesThanTheRate_ResourceExhausted()
    {
        var key = server.AddKey("streamer", rate: 2);
        server.Start();
        using var call = server.ClientWithKey(key).ScoreStream(cancellationToken: Ct);

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            // Twenty messages against two a second: only if writing them took nine seconds could none be refused.
            for (var i = 0; i < 20; i++)
            {
                await call.RequestStream.WriteAsync(Hallmarks.Plain(10 + i), Ct);
            }

            await call.RequestStream.CompleteAsync();
            await foreach (var _ in call.ResponseStream.ReadAllAsync(Ct))
            {
            }
        });

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Score_RequestLargerThanThePartnersLimit_ResourceExhaustedNamingTheLimit()
    {
        var key = server.AddKey("small", maxRequestBytes: 512);
        server.Start();
        var request = Hallmarks.Plain(20);
        request.EscalateToHighPriority = new string('x', 1000);

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.ClientWithKey(key).ScoreAsync(request, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("limit of 512 bytes (maxRequestBytes)", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_NoKey_Answers()
    {
        server.AddKey("portal");
        server.Start();

        var reply = await new Health.HealthClient(server.Channel()).CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task Score_PartnerRevokedWhileRunning_UnauthenticatedOnceTheFileIsReread()
    {
        var key = server.AddKey("portal");
        server.Start();
        var client = server.ClientWithKey(key);
        await client.ScoreAsync(Hallmarks.Plain(21), cancellationToken: Ct);

        var entries = Katalyst.Inference.Partners.PartnersFile.Read(server.PartnersPath);
        Katalyst.Inference.Partners.PartnersFile.Write(server.PartnersPath, [entries[0] with { RevokedAt = server.Time.GetUtcNow() }]);

        var status = StatusCode.OK;
        for (var i = 0; i < 100 && status == StatusCode.OK; i++)
        {
            await Task.Delay(100, Ct);
            try
            {
                await client.ScoreAsync(Hallmarks.Plain(21), cancellationToken: Ct);
            }
            catch (RpcException ex)
            {
                status = ex.StatusCode;
            }
        }

        Assert.Equal(StatusCode.Unauthenticated, status);
    }

    /// <inheritdoc />
    public void Dispose() => server.Dispose();
}
