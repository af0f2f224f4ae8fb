using Katalyst.Media.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Katalyst.Inference.Media.Models;

/// <summary>
/// Whether the media models are off, loaded, or failed to load and why; what <c>Media.Analyze</c> and the
/// <c>media-models</c> readiness check read.
/// </summary>
public sealed class MediaModelsState(IOptions<MediaModelsOptions> options)
{
    private MediaModelSet? set;
    private volatile string problem = "media models not loaded yet";

    /// <summary>The loaded models; null while off, loading or failed.</summary>
    public MediaModelSet? Set => Volatile.Read(ref set);

    /// <summary>Why <see cref="Set"/> is null (names the missing or altered file when loading failed); empty when loaded.</summary>
    public string Problem => options.Value.Enabled ? (Set is null ? problem : "") : $"media models are off ({MediaModelsOptions.Section}:Enabled is false)";

    /// <summary>Records the loaded models.</summary>
    public void Loaded(MediaModelSet models) => Volatile.Write(ref set, models);

    /// <summary>Records why loading failed.</summary>
    public void Failed(string reason) => problem = reason;

    /// <summary>Takes the models back for disposal at shut-down.</summary>
    public MediaModelSet? Release() => Interlocked.Exchange(ref set, null);
}

/// <summary>Readiness: healthy when the media models are off or loaded; unhealthy naming the problem when on and not loaded.</summary>
internal sealed class MediaModelsHealthCheck(MediaModelsState state, IOptions<MediaModelsOptions> options) : IHealthCheck
{
    /// <summary>The check's name.</summary>
    public const string Name = "media-models";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!options.Value.Enabled ? HealthCheckResult.Healthy("media models off")
            : state.Set is not null ? HealthCheckResult.Healthy("media models loaded")
            : HealthCheckResult.Unhealthy(state.Problem));
}

/// <summary>Loads the media models at start-up when they are on; a failure is logged and fails readiness, not the start.</summary>
internal sealed partial class MediaModelsLoader(
    MediaModelsState state, IOptions<MediaModelsOptions> options, IOptions<TextDetectionOptions> textOptions, ILogger<MediaModelsLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Task.CompletedTask;
        }

        try
        {
            state.Loaded(MediaModelSet.Load(options.Value, textOptions.Value, logger));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            LogLoadFailed(ex.Message, ex);
            state.Failed(ex.Message);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (state.Release() is { } set)
        {
            await set.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Media models did not load, so pictures get no signals and the service is not ready: {Problem}")]
    private partial void LogLoadFailed(string problem, Exception exception);
}
