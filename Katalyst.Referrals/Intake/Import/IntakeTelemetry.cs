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

    /// <summary>
    /// Spans: <c>import</c> (one per run); per package, <c>intake referral</c>, the root of the referral's own trace
    /// (linked to the run), and its child <c>store referral</c>.
    /// </summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>
    /// Starts <c>intake referral</c>, the root of one referral's own trace (so every later hop for that referral, in any
    /// process, shares one trace id), linked to the import run's span <paramref name="run"/>; null when nothing listens.
    /// It becomes the current span of the caller's async flow.
    /// </summary>
    public static Activity? StartReferralTrace(Activity? run)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity.Current = null; // a root, not a child of the run: one trace per referral
        return Source.StartActivity("intake referral", ActivityKind.Internal, default(ActivityContext), links: run is null ? null : [new ActivityLink(run.Context)]);
    }

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Referrals = Meter.CreateCounter<long>(
        "katalyst.intake.referrals", "{referral}", "Packages handled by intake, by outcome: imported, duplicate, conflict or rejected.");

    /// <summary>
    /// The W3C traceparent of <paramref name="span"/> (kept with a referral's scoring work, and sent with its scoring
    /// request, so later hops join the referral's trace), or null when nothing is tracing.
    /// </summary>
    public static string? TraceParent(Activity? span) => span is { IdFormat: ActivityIdFormat.W3C } ? span.Id : null;

    /// <summary>
    /// Starts a span in the trace <paramref name="traceParent"/> names (a referral's own trace), or in the current trace
    /// when it is null or malformed; null when nothing listens.
    /// </summary>
    public static Activity? StartInReferralTrace(ActivitySource source, string name, string? traceParent, ActivityKind kind = ActivityKind.Internal)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.HasListeners())
        {
            return null;
        }

        return traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent)
            ? source.StartActivity(name, kind, parent)
            : source.StartActivity(name, kind);
    }

    /// <summary>Counts one package's outcome.</summary>
    public static void Counted(string outcome) => Referrals.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
