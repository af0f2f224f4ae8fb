using System.Collections.ObjectModel;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Katalyst.Inference.Tests.Telemetry;

/// <summary>
/// Spans the in-memory exporter hands over, from any thread (the server's spans end on its threads, after the client
/// has its answer), read as snapshots.
/// </summary>
internal sealed class ExportedSpans : Collection<Activity>
{
    private readonly Lock gate = new();

    /// <summary>Waits (up to 10 s) until <paramref name="done"/> holds for the spans of <paramref name="traceId"/>, then returns them.</summary>
    public async Task<List<Activity>> OfTraceAsync(ActivityTraceId traceId, Func<List<Activity>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            List<Activity> spans;
            lock (gate)
            {
                spans = [.. Items.Where(a => a.TraceId == traceId)];
            }

            if (done(spans) || DateTime.UtcNow > until)
            {
                return spans;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// A tracer provider for this process exporting here: every Katalyst source, and ASP.NET Core's, the gRPC client's
    /// and HttpClient's spans, so a call's client and server hops are both recorded.
    /// </summary>
    public TracerProvider Listen() => Sdk.CreateTracerProviderBuilder()
        .AddSource("Katalyst.*")
        .AddAspNetCoreInstrumentation()
        .AddGrpcClientInstrumentation()
        .AddHttpClientInstrumentation()
        .AddInMemoryExporter(this)
        .Build();

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="span"/>'s parent, or its parent's, and so on, within <paramref name="trace"/>.</summary>
    public static bool DescendsFrom(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var current = span; current is not null; current = trace.FirstOrDefault(a => a.SpanId == current.ParentSpanId))
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every span exported so far.</summary>
    public List<Activity> Snapshot()
    {
        lock (gate)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (gate)
        {
            base.InsertItem(index, item);
        }
    }
}
