using System.Collections.Concurrent;
using System.Threading.Channels;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Intake.Packages;
using Microsoft.Extensions.Options;

namespace Katalyst.Portal.Intake;

/// <summary>
/// Imports uploaded packages one after another in the background, with the same importer (and the same words) as
/// <c>katalyst import</c>. Each upload is first kept as received in <see cref="UploadOptions.Path"/>, so nothing is
/// lost if the import rejects it or the portal stops.
/// </summary>
public sealed partial class BackgroundImports(ReferralImporter importer, IOptions<UploadOptions> options, TimeProvider time, ILogger<BackgroundImports> logger)
    : BackgroundService
{
    private const int JobsShown = 50;
    private readonly Channel<ImportJob> queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<ImportJob> recent = new();

    /// <summary>The latest uploads, newest first.</summary>
    public IReadOnlyList<ImportJob> Recent => [.. recent.Reverse()];

    /// <summary>Keeps the upload as received, then queues its import.</summary>
    /// <exception cref="UploadRefusedException">The file is not a .zip or is larger than allowed.</exception>
    public async Task<ImportJob> EnqueueAsync(Stream content, string fileName, string uploadedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!fileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            throw new UploadRefusedException($"{fileName} is not a .zip: upload a package, or a batch of packages, zipped.");
        }

        var folder = Path.GetFullPath(options.Value.Path);
        Directory.CreateDirectory(folder);
        var now = time.GetUtcNow();
        var stored = Path.Combine(folder, $"{now:yyyyMMdd'T'HHmmss'Z'}-{Guid.NewGuid().ToString("N")[..8]}-{SafeName(fileName)}");
        await SaveAsync(content, stored, fileName, cancellationToken);

        var job = new ImportJob(fileName, stored, uploadedBy, now, PackageSource.Estimate(stored));
        recent.Enqueue(job);
        while (recent.Count > JobsShown && recent.TryDequeue(out _))
        {
        }

        await queue.Writer.WriteAsync(job, cancellationToken);
        LogQueued(fileName, uploadedBy, stored);
        return job;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in queue.Reader.ReadAllAsync(stoppingToken))
        {
            job.State = ImportJobState.Running;
            try
            {
                var summary = await importer.ImportAsync(job.StoredPath, new JobProgress(job), stoppingToken);
                job.Lines = [.. ImportSummaryText.Lines(summary)];
                job.State = ImportJobState.Finished;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                job.Lines = [$"STOPPED {job.FileName}: the portal shut down during the import. What was stored stays; the upload is kept at {job.StoredPath} and can be uploaded again."];
                job.State = ImportJobState.Failed;
                throw;
            }
            catch (Exception ex) // one bad upload must not stop the imports after it; the upload is kept
            {
                LogFailed(job.FileName, ex);
                job.Lines = [$"FAILED {job.FileName}: {ex.Message} The upload is kept at {job.StoredPath}."];
                job.State = ImportJobState.Failed;
            }
        }
    }

    private async Task SaveAsync(Stream content, string stored, string fileName, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxBytes;
        await using (var file = new FileStream(stored, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
        {
            var buffer = new byte[81_920];
            long total = 0;
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (total <= limit)
            {
                File.SetAttributes(stored, FileAttributes.ReadOnly); // kept as received
                return;
            }
        }

        File.Delete(stored);
        throw new UploadRefusedException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fileName} is larger than the {limit:N0} bytes allowed (Uploads:MaxBytes)."));
    }

    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName);
        var invalid = Path.GetInvalidFileNameChars();
        return new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload {FileName} by {UploadedBy} kept at {StoredPath}; import queued")]
    private partial void LogQueued(string fileName, string uploadedBy, string storedPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import of upload {FileName} failed")]
    private partial void LogFailed(string fileName, Exception exception);

    private sealed class JobProgress(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Progress = value;
    }
}

/// <summary>An upload the portal will not take, with the reason in words for the uploader.</summary>
public sealed class UploadRefusedException(string message) : Exception(message);
