using System.Diagnostics;
using Katalyst.Portal.Intake;
using Katalyst.Portal.Tests.Intake;
using Katalyst.Portal.Tests.Telemetry;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Katalyst.Portal.Tests.ScaleOut;

/// <summary>
/// Issue 9's two-portal run: one real inference service process, two portal instances over one SQLite store file and
/// one evidence folder, scoring and analysis on in both. The same generated batch (with pictures) is uploaded to both
/// at the same moment, and a second batch split between them; the run waits until every referral is analysed, scored
/// and routed. The tests then judge what was stored and what the service was asked to do.
/// </summary>
public sealed class TwoPortalRun : IAsyncLifetime
{
    /// <summary>Referrals in the batch uploaded to both portals.</summary>
    public const int SharedCount = 8;

    /// <summary>Referrals in the batch split between them.</summary>
    public const int SplitCount = 8;

    private static readonly TimeSpan ImportLimit = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(3);

    private readonly string folder = Directory.CreateTempSubdirectory("katalyst-two-portals-").FullName;
    private readonly int operationsPort = LoopbackPort.Free();
    private readonly InferenceProcess service;
    private readonly List<IDisposable> zips = [];

    /// <summary>Creates the service and the portals; nothing starts before <see cref="InitializeAsync"/>.</summary>
    public TwoPortalRun()
    {
        service = new InferenceProcess(ownModels: false, new Dictionary<string, string> { ["Kestrel:Endpoints:Operations:Url"] = $"http://127.0.0.1:{operationsPort}" });
        Portals = [new SharedStorePortal(folder, "a", service, new CapturedLogs()), new SharedStorePortal(folder, "b", service, new CapturedLogs())];
    }

    internal IReadOnlyList<SharedStorePortal> Portals { get; }

    internal GeneratedZip Shared { get; private set; } = null!;

    internal IReadOnlyList<GeneratedZip> Split { get; private set; } = [];

    /// <summary>Per portal, its import of the shared batch, then of its part of the split one.</summary>
    internal IReadOnlyList<(ImportJob Shared, ImportJob Split)> Jobs { get; private set; } = [];

    /// <summary>The service's Prometheus scrape once everything was stored (and the portals had a few more looks).</summary>
    internal string Metrics { get; private set; } = "";

    /// <summary>Every report number uploaded.</summary>
    internal IReadOnlyList<long> ReportIds => [.. Shared.ReportIds.Concat(Split.SelectMany(z => z.ReportIds)).Order()];

    /// <summary>The one store both portals use.</summary>
    internal StoreDataSource Store => Portals[0].Services.GetRequiredService<StoreDataSource>();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Shared = Keep(new GeneratedZip(SharedCount, 9101, media: true));
        Split = [Keep(new GeneratedZip(SplitCount, 9102, KeepEvery(0), media: true)), Keep(new GeneratedZip(SplitCount, 9102, KeepEvery(1), media: true))];
        if (Shared.ReportIds.Intersect(Split.SelectMany(z => z.ReportIds)).Any())
        {
            throw new InvalidOperationException("The generated batches share a report number; pick other seeds.");
        }

        await service.InitializeAsync();
        // Both at once, as two hosts would start: the migration runner's lock lets one apply the store's migrations.
        await Task.WhenAll(Portals.Select(p => Task.Run(async () => await p.InitializeAsync(), ct)));

        var shared = await Task.WhenAll(Portals.Select(p => EnqueueAsync(p, Shared.Path, "shared.zip", ct)));
        var split = await Task.WhenAll(Portals.Select((p, i) => EnqueueAsync(p, Split[i].Path, $"split-{p.Name}.zip", ct)));
        Jobs = [.. shared.Zip(split)];
        await FinishedAsync([.. shared, .. split], ct);
        await SettledAsync(ct);

        // A few more looks by both portals: work done twice would show in the service's counts now.
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        Metrics = await new ServiceMetrics(new Uri($"http://127.0.0.1:{operationsPort}")).ScrapeAsync(ct);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var portal in Portals)
        {
            await portal.DisposeAsync();
        }

        await service.DisposeAsync();
        zips.ForEach(z => z.Dispose());
        Directory.Delete(folder, recursive: true);
    }

    private static Action<string> KeepEvery(int remainder) => packages =>
    {
        var all = Directory.GetDirectories(packages).Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            if (i % 2 != remainder)
            {
                Directory.Delete(all[i], recursive: true);
            }
        }
    };

    private static async Task<ImportJob> EnqueueAsync(SharedStorePortal portal, string path, string name, CancellationToken ct)
    {
        await using var content = File.OpenRead(path);
        return await portal.Services.GetRequiredService<BackgroundImports>().EnqueueAsync(content, name, "tester", ct);
    }

    private static async Task FinishedAsync(IReadOnlyList<ImportJob> jobs, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (jobs.Any(j => j.State is ImportJobState.Queued or ImportJobState.Running))
        {
            if (waited.Elapsed > ImportLimit)
            {
                throw new TimeoutException($"Imports still pending after {ImportLimit}: {string.Join(", ", jobs.Where(j => j.State is ImportJobState.Queued or ImportJobState.Running).Select(j => $"{j.FileName} {j.State}"))}");
            }

            await Task.Delay(100, ct);
        }
    }

    // Until nothing waits: every file with bytes analysed, every referral scored (the outbox empty) and routed.
    private async Task SettledAsync(CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var pending = await PendingWork.ListAsync(Store, ReportIds.Count, ct);
            if (pending.Count == 0)
            {
                return;
            }

            if (waited.Elapsed > SettleLimit)
            {
                var logged = Portals.SelectMany(p => p.Logs.Entries.Where(e => e.StartsWith("Warning", StringComparison.Ordinal) || e.StartsWith("Error", StringComparison.Ordinal)).Take(5).Select(e => $"{p.Name}: {e}"));
                throw new TimeoutException($"After {SettleLimit} still pending: {string.Join("; ", pending)}. Portal warnings: {string.Join(" / ", logged)}");
            }

            await Task.Delay(250, ct);
        }
    }

    private GeneratedZip Keep(GeneratedZip zip)
    {
        zips.Add(zip);
        return zip;
    }
}
