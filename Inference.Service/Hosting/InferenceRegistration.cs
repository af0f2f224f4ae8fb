using Katalyst.Inference.Info;
using Katalyst.Telemetry;

namespace Katalyst.Inference.Hosting;

/// <summary>Registers the inference service's gRPC endpoints and what they need.</summary>
public static class InferenceRegistration
{
    /// <summary>
    /// Adds gRPC, the <c>grpc.health.v1</c> health service, server reflection and the facts
    /// <see cref="ServiceInfoService"/> reports about this instance.
    /// </summary>
    public static IHostApplicationBuilder AddInference(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddGrpc();
        // With no check registered the health service answers UNKNOWN; this one follows the host's lifetime.
        builder.Services.AddGrpcHealthChecks().AddCheck<HostLifetimeHealthCheck>("host", tags: [KatalystTelemetry.ReadyTag]);
        builder.Services.AddGrpcReflection();
        // Captured here, while the host is being built, so it reports start-up rather than the first call.
        builder.Services.AddSingleton(new InstanceFacts(TimeProvider.System.GetUtcNow()));
        return builder;
    }
}
