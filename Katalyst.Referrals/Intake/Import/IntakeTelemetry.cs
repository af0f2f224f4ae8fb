using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// Intake's traces and metrics (source and meter <c>Katalyst.Referrals.Intake</c>): a span per import and per package
/// read (tagged with the NCMEC report id, never any text), and referrals by outcome. Static, because the CLI imports
/// without a host; a process without an OpenTelemetry listener pays nothing.
/// </summary>
public static class IntakeTelemetry
{
    /// <summary>The activity source's and the meter's name.</summary>
    public const string Name = "Katalyst.Referrals.Intake";

    /// <summary>The span tag that carries a referral's NCMEC report id, on intake's and scoring's spans alike.</summary>
    public const string ReportIdTag = "katalyst.report_id";

    /// <summary>Spans: <c>import</c> (one per run) and <c>read package</c> (one per package).</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>(
        "katalyst.intake.referrals", "{referral}", "Packages handled by intake, by outcome: imported, duplicate, conflict or rejected.");

    /// <summary>Counts one package's outcome.</summary>
    public static void Counted(string outcome) => Referrals.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
