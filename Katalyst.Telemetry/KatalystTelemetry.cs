namespace Katalyst.Telemetry;

/// <summary>
/// What every Katalyst process exports: each feature names its own <c>ActivitySource</c> and <c>Meter</c>
/// <c>Katalyst.&lt;Project&gt;.&lt;Feature&gt;</c> (e.g. <c>Katalyst.Inference.Scoring</c>), and the providers listen to
/// all of them through one wildcard, so a new feature needs no registration here.
/// </summary>
public static class KatalystTelemetry
{
    /// <summary>The wildcard every Katalyst activity source and meter name matches.</summary>
    public const string Names = "Katalyst.*";

    /// <summary>Tags (health check tags) of the checks that readiness (<c>/health/ready</c>, gRPC health) runs.</summary>
    public const string ReadyTag = "ready";
}
