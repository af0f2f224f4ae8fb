using Katalyst.Portal.Tests.Hosting;
using Katalyst.Portal.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Katalyst.Portal.Tests.ScaleOut;

/// <summary>
/// One portal instance of several over one SQLite store file and one evidence folder, with its own uploads folder,
/// scoring (and so analysis) on against <paramref name="service"/> every second; its log is kept in <see cref="Logs"/>.
/// </summary>
internal sealed class SharedStorePortal(string storeFolder, string name, InferenceProcess service, CapturedLogs logs) : PortalServer(
    new Dictionary<string, string?>
    {
        ["Store:ConnectionString"] = $"Data Source={Path.Combine(storeFolder, "katalyst.db")}",
        ["Store:EvidencePath"] = Path.Combine(storeFolder, "evidence"),
        ["Uploads:Path"] = Path.Combine(storeFolder, $"uploads-{name}"),
        ["Scoring:Server"] = service.Address,
        ["Scoring:ApiKey"] = service.ApiKey,
        ["Scoring:IntervalSeconds"] = "1",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    },
    services => services.AddSingleton<ILoggerProvider>(logs))
{
    /// <summary>The instance's name in the test (its uploads folder's suffix).</summary>
    public string Name { get; } = name;

    /// <summary>What this instance has logged.</summary>
    public CapturedLogs Logs { get; } = logs;
}
