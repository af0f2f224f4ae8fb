using System.Globalization;
using Katalyst.Portal.Scoring;
using Katalyst.Telemetry;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Katalyst.Portal.Admin;

/// <summary>Both services' readiness: the portal's own checks (the store) and the scoring service's gRPC health.</summary>
public sealed partial class HealthAdminPage
{
    private static readonly TimeSpan ScoringTimeout = TimeSpan.FromSeconds(3);
    private List<HealthRow>? rows;
    private string checkedAt = "";

    [Inject]
    private HealthCheckService Checks { get; set; } = default!;

    [Inject]
    private ScoringConnection Connection { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <inheritdoc />
    protected override Task OnInitializedAsync() => RefreshAsync();

    private async Task RefreshAsync()
    {
        var found = new List<HealthRow>();
        var report = await Checks.CheckHealthAsync(c => c.Tags.Contains(KatalystTelemetry.ReadyTag));
        found.AddRange(report.Entries.Select(e => new HealthRow("Portal", e.Key, e.Value.Status == HealthStatus.Healthy, e.Value.Description ?? "")));

        using var client = Connection.Connect();
        if (client is null)
        {
            found.Add(new HealthRow("Scoring service", "grpc.health.v1", false, "Scoring is off: Scoring:Server is empty."));
        }
        else
        {
            var health = await client.CheckHealthAsync(ScoringTimeout);
            found.Add(new HealthRow("Scoring service", $"grpc.health.v1 at {client.Address}", health.Ready, health.Detail));
        }

        rows = found;
        checkedAt = Time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    private sealed record HealthRow(string Service, string Check, bool Ready, string Detail);
}
