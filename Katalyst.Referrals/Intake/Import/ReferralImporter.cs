using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake.Packages;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Microsoft.Extensions.Logging;

namespace Katalyst.Referrals.Intake.Import;

/// <summary>
/// Imports referral packages from a package folder, a batch folder or a zip of either. Packages are read and
/// parsed in parallel and stored by one writer; each package is stored whole or not at all, and one bad package
/// never stops the rest. Re-importing a stored package changes nothing. Unless <see cref="LinkingOptions.Enabled"/> is
/// false, the writer leaves each new referral in the linking outbox, and once everything is stored the import links
/// every waiting referral (<see cref="LinkingRun"/>: this import's and any a crashed one left), so callers still see
/// their referrals linked when <see cref="ImportAsync"/> returns while the single writer does not link.
/// </summary>
public sealed partial class ReferralImporter(
    StoreDataSource dataSource, EvidenceStore evidence, IntakeOptions options, ILogger<ReferralImporter> logger, LinkingOptions? linking = null)
{
    private readonly ReferralLinker? linker = linking?.Enabled == false ? null : new ReferralLinker(linking ?? new LinkingOptions(), dataSource.Provider);
    private readonly LinkingRun? linkingRun = linking?.Enabled == false ? null : new LinkingRun(dataSource, linking ?? new LinkingOptions());

    // Many packages share one commit (savepoints keep each whole); a commit also happens whenever the
    // readers fall behind, so a slow trickle is never held back.
    private const int PackagesPerCommit = 500;

    /// <summary>Imports everything under <paramref name="path"/>.</summary>
    /// <param name="path">A package folder, a batch folder, or a zip of either.</param>
    /// <param name="progress">Receives counts as packages finish.</param>
    /// <param name="cancellationToken">Stops the import; what was committed stays.</param>
    public async Task<ImportSummary> ImportAsync(string path, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var activity = IntakeTelemetry.Source.StartActivity("import");
        var clock = Stopwatch.StartNew();
        var skipped = new List<string>();
        var packages = PackageSource.Enumerate(path, skipped.Add);
        var outcomes = Channel.CreateBounded<PackageOutcome>(new BoundedChannelOptions(256) { SingleReader = true });
        var reader = new PackageReader(evidence, options);

        var producing = Task.Run(() => ReadAllAsync(packages, reader, outcomes.Writer, cancellationToken), cancellationToken);
        var tally = new Tally(progress);
        await WriteAllAsync(outcomes.Reader, tally, cancellationToken);
        await producing;

        // Bytes stored for packages that were then rejected or conflicted: removed unless a stored referral refers to them.
        try
        {
            await OrphanEvidence.RemoveAsync(dataSource, evidence, tally.MaybeOrphaned, cancellationToken);
        }
        catch (DbException ex)
        {
            // Everything imported is stored; only unreferenced bytes stay behind, which a later import's clean-up can remove.
            LogCleanUpFailed(tally.MaybeOrphaned.Count, ex.Message);
        }

        var stored = clock.Elapsed;
        LogFinished(tally.Imported, tally.Duplicates, tally.Conflicts.Count, tally.Rejections.Count, stored.TotalSeconds);
        activity?.SetTag("katalyst.imported", tally.Imported);
        activity?.SetTag("katalyst.rejected", tally.Rejections.Count);

        // The second phase, after the writer: link every waiting referral, in the order they were stored.
        var linked = 0;
        string? linkingError = null;
        clock.Restart();
        if (linkingRun is not null)
        {
            using var linking = IntakeTelemetry.Source.StartActivity("link");
            try
            {
                linked = await linkingRun.DrainAsync(cancellationToken);
            }
            catch (DbException ex)
            {
                // The stored referrals stay stored and keep their outbox rows: nothing is lost, and the summary says so.
                linkingError = $"the store refused linking ({ex.Message})";
                linking?.SetStatus(ActivityStatusCode.Error, "linking refused");
                LogLinkingFailed(ex.Message);
            }

            linking?.SetTag("katalyst.linked", linked);
            LogLinked(linked, clock.Elapsed.TotalSeconds);
        }

        return new ImportSummary(tally.Imported, tally.Duplicates, tally.Conflicts, tally.Rejections, skipped, stored, linked, clock.Elapsed)
        {
            LinkingError = linkingError,
        };
    }

    private async Task ReadAllAsync(IEnumerable<ReferralPackage> packages, PackageReader reader, ChannelWriter<PackageOutcome> outcomes, CancellationToken cancellationToken)
    {
        var run = Activity.Current;
        try
        {
            await Parallel.ForEachAsync(
                packages,
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                async (package, ct) =>
                {
                    using (package)
                    {
                        using var span = IntakeTelemetry.StartReferralTrace(run);
                        var outcome = await reader.ReadAsync(package, ct) with { Trace = span?.Context ?? default };
                        if (linker is not null && outcome.Referral is { } referral)
                        {
                            // Identifiers are normalised here, in parallel, rather than in the single writer.
                            outcome = outcome with { Identifiers = linker.Extract(referral) };
                        }

                        span?.SetTag(IntakeTelemetry.ReportIdTag, outcome.Referral?.Manifest.ReportId ?? outcome.Rejection?.ReportId);
                        span?.SetStatus(outcome.Rejection is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, outcome.Rejection is null ? null : "rejected");
                        await outcomes.WriteAsync(outcome, ct);
                    }
                });
            outcomes.Complete();
        }
        catch (Exception ex)
        {
            outcomes.Complete(ex);
            throw;
        }
    }

    private async Task WriteAllAsync(ChannelReader<PackageOutcome> outcomes, Tally tally, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        while (await outcomes.WaitToReadAsync(cancellationToken))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var inBatch = 0;
            while (inBatch < PackagesPerCommit && outcomes.TryRead(out var outcome))
            {
                await WriteOneAsync(connection, transaction, outcome, tally, cancellationToken);
                inBatch++;
            }

            await transaction.CommitAsync(cancellationToken);
            tally.Report();
        }
    }

    private async Task WriteOneAsync(DbConnection connection, DbTransaction transaction, PackageOutcome outcome, Tally tally, CancellationToken cancellationToken)
    {
        if (outcome.Rejection is { } rejection)
        {
            await ReferralWriter.LogAsync(connection, transaction, "rejected", rejection.Package, rejection.ReportId,
                rejection.FileName, rejection.LineNumber, rejection.Element, rejection.Reason, cancellationToken);
            // The reason may quote the referral's own values (a bad date, an address): it goes to intake_log and the summary,
            // and to the log only at Debug, which no default install enables.
            LogRejected(rejection.Package, rejection.FileName ?? "", rejection.LineNumber ?? 0, rejection.Element ?? "", rejection.ReportId);
            LogRejectedReason(rejection.ToString());
            IntakeTelemetry.Counted("rejected");
            tally.Rejections.Add(rejection);
            tally.MaybeOrphaned.UnionWith(outcome.StoredBytes ?? []);
            return;
        }

        var referral = outcome.Referral!;
        WriteOutcome written;
        // The referral's trace: the outbox row keeps this span's traceparent for analysis and scoring.
        using var span = outcome.Trace == default ? null : IntakeTelemetry.Source.StartActivity("store referral", ActivityKind.Internal, outcome.Trace);
        try
        {
            written = await ReferralWriter.WriteAsync(connection, transaction, referral, cancellationToken, linker, outcome.Identifiers, evidence);
        }
        catch (EvidenceVanishedException ex)
        {
            // Rolled back to its savepoint: nothing of the package is stored, and its source is untouched.
            var vanished = new Rejection(referral.Package, referral.Manifest.ReportId, $"files/{ex.FileName}", null, null, ex.Message);
            await WriteOneAsync(connection, transaction, new PackageOutcome(null, vanished, StoredBytes: StoredBytesOf(referral)), tally, cancellationToken);
            return;
        }
        catch (DbException ex)
        {
            // The writer rolled this package back to its savepoint: the rest of the batch goes on.
            var refused = new Rejection(referral.Package, referral.Manifest.ReportId, null, null, null, $"the store refused it: {ex.Message}");
            await WriteOneAsync(connection, transaction, new PackageOutcome(null, refused, StoredBytes: StoredBytesOf(referral)), tally, cancellationToken);
            return;
        }

        span?.SetTag(IntakeTelemetry.ReportIdTag, referral.Manifest.ReportId);
        span?.SetTag("katalyst.outcome", written.ToString().ToLowerInvariant());
        switch (written)
        {
            case WriteOutcome.Imported:
                tally.Imported++;
                IntakeTelemetry.Counted("imported");
                break;
            case WriteOutcome.Duplicate:
                tally.Duplicates++;
                IntakeTelemetry.Counted("duplicate");
                break;
            case WriteOutcome.Conflict:
                IntakeTelemetry.Counted("conflict");
                LogConflict(referral.Manifest.ReportId, referral.Package);
                tally.Conflicts.Add(new Conflict(referral.Package, referral.Manifest.ReportId));
                tally.MaybeOrphaned.UnionWith(StoredBytesOf(referral));
                break;
        }
    }

    private static List<string> StoredBytesOf(ParsedReferral referral) =>
        [.. referral.Files.Where(f => f.Hashes is not null).Select(f => f.Hashes!.Sha256)];

    private sealed class Tally(IProgress<ImportProgress>? progress)
    {
        public int Imported { get; set; }

        public int Duplicates { get; set; }

        public List<Conflict> Conflicts { get; } = [];

        public List<Rejection> Rejections { get; } = [];

        public HashSet<string> MaybeOrphaned { get; } = new(StringComparer.Ordinal);

        public void Report() => progress?.Report(new ImportProgress(
            Imported + Duplicates + Conflicts.Count + Rejections.Count, Imported, Duplicates, Conflicts.Count, Rejections.Count));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Package}: {FileName} line {LineNumber}, <{Element}> (report {ReportId}); the reason is in intake_log")]
    private partial void LogRejected(string package, string fileName, int lineNumber, string element, long? reportId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected {Rejection}")]
    private partial void LogRejectedReason(string rejection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conflict: report {ReportId} in {Package} differs from the stored one")]
    private partial void LogConflict(long reportId, string package);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bytes of {Count} files of rejected packages were kept: the clean-up could not use the store ({Reason})")]
    private partial void LogCleanUpFailed(int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Linking stopped: the store refused it ({Reason}); the stored referrals wait in the linking outbox for the next import or the portal")]
    private partial void LogLinkingFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Linked {Linked} waiting referrals in {Seconds:F1}s")]
    private partial void LogLinked(int linked, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import stored: {Imported} imported, {Duplicates} duplicates, {Conflicts} conflicts, {Rejected} rejected in {Seconds:F1}s")]
    private partial void LogFinished(int imported, int duplicates, int conflicts, int rejected, double seconds);
}
