using System.Data.Common;
using Dapper;
using Katalyst.Referrals.Evidence;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Model;
using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Store;

/// <summary>What storing one referral did.</summary>
public enum WriteOutcome
{
    /// <summary>The referral is new and is now stored.</summary>
    Imported,

    /// <summary>The same package is already stored; nothing changed.</summary>
    Duplicate,

    /// <summary>A different package with the same report number is stored; nothing changed, the conflict is logged.</summary>
    Conflict,
}

/// <summary>
/// Stores referrals inside a caller's transaction. Each referral is written under a savepoint, so it is stored
/// whole or not at all while many share one commit.
/// </summary>
internal static class ReferralWriter
{
    public static async Task<WriteOutcome> WriteAsync(
        DbConnection connection, DbTransaction transaction, ParsedReferral referral, CancellationToken cancellationToken,
        ReferralLinker? linker = null, IReadOnlyList<ReferralIdentifier>? identifiers = null, EvidenceStore? evidence = null)
    {
        var manifest = referral.Manifest;
        var existing = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            ReferralWriteSql.Shared.SelectFingerprint, new { manifest.ReportId }, transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            if (string.Equals(existing.Trim(), referral.Fingerprint, StringComparison.Ordinal))
            {
                return WriteOutcome.Duplicate;
            }

            await LogAsync(connection, transaction, "conflict", referral.Package, manifest.ReportId, null, null, null,
                $"report {manifest.ReportId} is already stored with different content; the stored package is kept", cancellationToken);
            return WriteOutcome.Conflict;
        }

        const string savepoint = "referral";
        await transaction.SaveAsync(savepoint, cancellationToken);
        try
        {
            await InsertAsync(connection, transaction, referral, cancellationToken);
            if (evidence is not null)
            {
                EnsureBytesPresent(referral, evidence);
            }

            // Its linking work, under the same savepoint: its own subject (what an unlinked referral is) and a linking
            // outbox row with its identifiers. Linking itself runs after the import has stored everything (LinkingRun),
            // off the single writer's critical path.
            if (linker is not null)
            {
                await linker.EnqueueAsync(connection, transaction, manifest.ReportId, identifiers ?? linker.Extract(referral), cancellationToken);
            }

            await transaction.ReleaseAsync(savepoint, cancellationToken);
            return WriteOutcome.Imported;
        }
        catch
        {
            await transaction.RollbackAsync(savepoint, cancellationToken);
            throw;
        }
    }

    // After the referral's rows are written, inside the import's write transaction: a concurrent clean-up
    // (OrphanEvidence) either saw these rows and kept the bytes, or removed them before this transaction began.
    private static void EnsureBytesPresent(ParsedReferral referral, EvidenceStore evidence)
    {
        foreach (var file in referral.Files.Where(f => f.Hashes is not null))
        {
            if (!File.Exists(evidence.PathOf(file.Hashes!.Sha256)))
            {
                throw new EvidenceVanishedException(file.BytesName ?? file.FileId, file.Hashes.Sha256);
            }
        }
    }

    public static Task LogAsync(
        DbConnection connection, DbTransaction transaction, string outcome, string package, long? reportId,
        string? fileName, int? lineNumber, string? element, string reason, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(ReferralWriteSql.Shared.InsertIntakeLog, new
        {
            LoggedAt = DateTimeOffset.UtcNow,
            Outcome = outcome,
            Package = package,
            ReportId = reportId,
            FileName = fileName,
            LineNumber = lineNumber,
            Element = element,
            Reason = reason,
        }, transaction, cancellationToken: cancellationToken));

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, ParsedReferral referral, CancellationToken cancellationToken)
    {
        var manifest = referral.Manifest;
        var summary = referral.Report.IncidentSummary;
        var incidentType = summary.IncidentType.ToSchemaValue();
        var now = DateTimeOffset.UtcNow;
        await connection.ExecuteAsync(new CommandDefinition(ReferralWriteSql.Shared.InsertReferral, new
        {
            manifest.ReportId,
            manifest.ReceivedAt,
            ReportType = manifest.ReportType.ToString().ToLowerInvariant(),
            manifest.NcmecPriority,
            manifest.Country,
            IncidentType = incidentType,
            IncidentAt = summary.IncidentDateTime,
            summary.Platform,
            Escalated = !string.IsNullOrWhiteSpace(summary.EscalateToHighPriority),
            FileCount = referral.Files.Count,
            manifest.BundledCount,
            PackageSha256 = referral.Fingerprint,
            ManifestJson = manifest.Json,
            referral.ReportXml,
            ImportedAt = now,
        }, transaction, cancellationToken: cancellationToken));

        // Its queue row (New) and search text, in the same transaction: the queue never misses a stored referral.
        await QueueRows.AddAsync(connection, transaction, manifest.ReportId, manifest.ReceivedAt, incidentType, referral.Report, cancellationToken);

        // Its scoring work (the outbox), in the same transaction: a stored referral is always scored eventually, in the
        // trace it was stored in (the importer's span for this referral), so analysis and scoring join that trace.
        var traceParent = IntakeTelemetry.TraceParent(System.Diagnostics.Activity.Current);
        await connection.ExecuteAsync(new CommandDefinition(
            Outbox.ScoringOutboxSql.Shared.Enqueue, new { manifest.ReportId, Now = now, TraceParent = traceParent }, transaction, cancellationToken: cancellationToken));

        // Dapper runs a statement given a sequence once per item on one prepared command.
        var evidence = referral.Files
            .Where(f => f.Hashes is not null)
            .Select(f => new { f.Hashes!.Sha256, f.Hashes.Md5, f.Hashes.Sha1, ByteLength = f.Hashes.Length, FirstSeenAt = now })
            .ToList();
        if (evidence.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(ReferralWriteSql.Shared.InsertEvidenceOnce, evidence, transaction, cancellationToken: cancellationToken));
        }

        if (referral.Files.Count > 0)
        {
            var files = referral.Files.Select(file => new
            {
                manifest.ReportId,
                file.FileId,
                OriginalFileName = file.Details?.OriginalFileName,
                file.DetailsXml,
                file.BytesName,
                file.Hashes?.Sha256,
                file.EspHashMismatch,
                ViewedByEsp = file.Details?.FileViewedByEsp,
                PubliclyAvailable = file.Details?.PubliclyAvailable,
            });
            await connection.ExecuteAsync(new CommandDefinition(ReferralWriteSql.Shared.InsertFile, files, transaction, cancellationToken: cancellationToken));
        }
    }
}
