using Grpc.Core;
using Grpc.Health.V1;

namespace Katalyst.Referrals.Scoring;

/// <summary>The scoring service's readiness as <c>grpc.health.v1</c> reports it (models and hash sets loaded, not stopping).</summary>
/// <param name="Ready">True when the service answered SERVING.</param>
/// <param name="Detail">The status in words: "serving", "not serving", or why it could not be asked.</param>
public sealed record ScoringServiceHealth(bool Ready, string Detail);

/// <summary>The scoring service's health, through the open <c>grpc.health.v1.Health</c> service (no key needed).</summary>
public sealed partial class ScoringClient
{
    /// <summary>Asks the service whether it is ready; never throws for an unreachable service, it reports it.</summary>
    public async Task<ScoringServiceHealth> CheckHealthAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await new Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest { Service = "" }, deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? new ScoringServiceHealth(true, "serving")
                : new ScoringServiceHealth(false, $"not serving ({reply.Status})");
        }
        catch (RpcException ex)
        {
            return new ScoringServiceHealth(false, $"the scoring service at {Address} cannot be asked ({ex.StatusCode}: {ex.Status.Detail})");
        }
    }
}
