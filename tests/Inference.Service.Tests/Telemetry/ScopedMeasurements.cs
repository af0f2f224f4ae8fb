using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Katalyst.Inference.Tests.Telemetry;

/// <summary>
/// Every measurement of the meters one host created (its <see cref="IMeterFactory"/>), so tests running beside each
/// other in this process never see each other's figures.
/// </summary>
internal sealed class ScopedMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> measurements = new();

    public ScopedMeasurements(IMeterFactory scope)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == scope)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => measurements.Enqueue((i.Name, v, t.ToArray())));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => measurements.Enqueue((i.Name, v, t.ToArray())));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => measurements.Enqueue((i.Name, v, t.ToArray())));
        listener.Start();
    }

    /// <summary>The sum of an instrument's measurements, of those carrying <paramref name="tag"/> when one is given.</summary>
    public double Sum(string instrument, (string Key, object Value)? tag = null) => Of(instrument, tag).Sum(m => m.Value);

    /// <summary>How many measurements an instrument took.</summary>
    public int Count(string instrument) => Of(instrument, null).Count();

    /// <summary>Collects the observable instruments now and returns what <paramref name="instrument"/> reported.</summary>
    public IReadOnlyList<double> Observe(string instrument)
    {
        var before = Of(instrument, null).Count();
        listener.RecordObservableInstruments();
        return [.. Of(instrument, null).Skip(before).Select(m => m.Value)];
    }

    public void Dispose() => listener.Dispose();

    private IEnumerable<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Of(string instrument, (string Key, object Value)? tag) =>
        measurements.Where(m => m.Instrument == instrument
            && (tag is not { } wanted || m.Tags.Any(t => t.Key == wanted.Key && Equals(t.Value, wanted.Value))));
}
