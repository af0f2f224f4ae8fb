using System.Data.Common;
using Katalyst.Referrals.Intake.Import;
using Katalyst.Referrals.Store;

namespace Katalyst.Referrals.Linking;

/// <summary>What linking one referral did.</summary>
/// <param name="Identifiers">Identifiers found in the referral.</param>
/// <param name="Links">Links made to earlier referrals.</param>
/// <param name="Ignored">Identifiers that did not link because too many referrals carry them.</param>
/// <param name="SubjectId">The subject the referral belongs to now.</param>
public sealed record LinkOutcome(int Identifiers, int Links, int Ignored, long SubjectId);

/// <summary>
/// Groups a new referral with the stored ones, incrementally, inside the caller's transaction: the importer's writer
/// only enqueues it (<see cref="EnqueueAsync"/>: its own subject and a linking outbox row) and <see cref="LinkingRun"/>
/// links waiting referrals in the order they were stored, each in the transaction that removes it from the outbox, so
/// a referral is never half-linked. Every referral starts as its own subject. For each identifier it shares:
/// if more referrals carry it than its kind's threshold, it is recorded as ignored with the count; otherwise the
/// referral is linked to every other carrier (the link names the identifier) and their subjects merge into the
/// oldest. When an identifier becomes too common (its count passes the threshold with this referral), the links it
/// made earlier are retracted and the subjects they held together are split into what their remaining links
/// still connect: so the subjects are always exactly the groups a full rebuild over today's counts would give.
/// </summary>
public sealed class ReferralLinker(LinkingOptions options, StoreProvider provider)
{
    private readonly IdentifierExtractor extractor = new(new LinkingPhoneNumbers(options.DefaultRegion));
    private readonly string thresholds = IdentifierJson.Thresholds(options);
    private readonly bool sqlite = provider == StoreProvider.Sqlite;

    /// <summary>The options in force.</summary>
    public LinkingOptions Options { get; } = options;

    /// <summary>Extracts the referral's identifiers and links it; the referral row must already be stored in <paramref name="transaction"/>.</summary>
    public Task<LinkOutcome> LinkAsync(DbConnection connection, DbTransaction transaction, ParsedReferral referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return LinkAsync(connection, transaction, referral.Manifest.ReportId, extractor.Extract(referral), cancellationToken);
    }

    /// <summary>
    /// The referral's identifiers, normalised. Pure and thread-safe: the importer calls it in its parallel readers,
    /// so the single writer only stores.
    /// </summary>
    public IReadOnlyList<ReferralIdentifier> Extract(ParsedReferral referral) => extractor.Extract(referral);

    /// <summary>
    /// Links a stored referral at once, in <paramref name="transaction"/>: its own subject, its identifiers, its links
    /// (what <see cref="LinkingRun"/> does later for a referral the writer left in the linking outbox).
    /// </summary>
    public async Task<LinkOutcome> LinkAsync(DbConnection connection, DbTransaction transaction, long reportId, IReadOnlyList<ReferralIdentifier> identifiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(identifiers);
        var now = DateTimeOffset.UtcNow;
        var store = new LinkStore(connection, transaction, provider, cancellationToken);
        var ownSubject = await InsertOwnSubjectAsync(store, reportId, now);
        return await LinkStoredAsync(store, reportId, IdentifierJson.Identifiers(identifiers), identifiers.Count, ownSubject, now);
    }

    /// <summary>
    /// What the writer does instead of linking: the referral becomes its own subject (so every query and the subject
    /// export stay right while it waits) and its identifiers wait in the linking outbox for <see cref="LinkingRun"/>.
    /// </summary>
    internal async Task EnqueueAsync(DbConnection connection, DbTransaction transaction, long reportId, IReadOnlyList<ReferralIdentifier> identifiers, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var store = new LinkStore(connection, transaction, provider, cancellationToken);
        await InsertOwnSubjectAsync(store, reportId, now);
        await store.ExecuteAsync(LinkingOutboxSql.Shared.Enqueue,
            ("@ReportId", reportId), ("@Identifiers", IdentifierJson.Identifiers(identifiers)), ("@EnqueuedAt", now));
    }

    /// <summary>Links a referral that waited in the linking outbox: its own subject was stored with it, so it is read, not inserted.</summary>
    internal async Task<LinkOutcome> LinkWaitingAsync(LinkStore store, long reportId, string identifiersJson)
    {
        var subjects = await store.QueryAsync(LinkingSql.Shared.SubjectOf, r => LinkStore.Long(r, 0), ("@ReportId", reportId));
        if (subjects.Count == 0)
        {
            throw new InvalidOperationException(
                $"Referral {reportId} waits in linking_outbox but has no row in referral_subjects; the writer stores both in one savepoint, so the store was changed by hand.");
        }

        // Only these identifiers link: a referral linked earlier may wait again with new ones (pdq identifiers from its
        // media analysis), and the ones it carried before have linked already.
        var waiting = IdentifierJson.Parse(identifiersJson, reportId);
        var only = waiting.Select(i => (i.Kind, i.Value)).ToHashSet();
        return await LinkStoredAsync(store, reportId, identifiersJson, waiting.Count, subjects[0], DateTimeOffset.UtcNow, only);
    }

    private Task<long> InsertOwnSubjectAsync(LinkStore store, long reportId, DateTimeOffset now) =>
        store.ScalarAsync(sqlite ? LinkingSql.Sqlite.InsertSubject : LinkingSql.SqlServer.InsertSubject, ("@ReportId", reportId), ("@CreatedAt", now));

    // The one body of linking, for both paths: the referral and its own subject are stored; its identifiers are not yet.
    private async Task<LinkOutcome> LinkStoredAsync(
        LinkStore store, long reportId, string identifiersJson, int identifierCount, long ownSubject, DateTimeOffset now, HashSet<(string Kind, string Value)>? only = null)
    {
        if (identifierCount > 0)
        {
            await store.ExecuteAsync(sqlite ? LinkingSql.Sqlite.InsertIdentifiers : LinkingSql.SqlServer.InsertIdentifiers,
                ("@ReportId", reportId), ("@Identifiers", identifiersJson));
        }

        var shared = identifierCount == 0 ? [] : await SharedAsync(store, reportId, only);
        if (shared.Count == 0)
        {
            return new LinkOutcome(identifierCount, 0, 0, ownSubject);
        }

        var ignored = shared.Where(g => g.Count > Options.ThresholdFor(g.Kind)).ToList();
        var crossed = ignored.Where(g => Options.ThresholdFor(g.Kind) >= 1 && g.Count == Options.ThresholdFor(g.Kind) + 1).ToList();
        foreach (var identifier in crossed)
        {
            await SubjectSplitter.RetractAsync(store, identifier.Kind, identifier.Value, identifier.Count, reportId, now);
        }

        if (crossed.Count > 0)
        {
            shared = await SharedAsync(store, reportId, only); // subjects may have split
        }

        await store.InsertIgnoredAsync([.. ignored.Select(g => (reportId, g.Kind, g.Value, g.Count))], now);

        var linking = shared.Where(g => g.Count <= Options.ThresholdFor(g.Kind)).ToList();
        var links = linking.SelectMany(g => g.Others.Select(o => (o.ReportId, g.Kind, g.Value))).ToList();
        if (links.Count == 0)
        {
            return new LinkOutcome(identifierCount, 0, ignored.Count, ownSubject);
        }

        await store.ExecuteAsync(sqlite ? LinkingSql.Sqlite.InsertLinks : LinkingSql.SqlServer.InsertLinks,
            ("@ReportId", reportId), ("@Links", IdentifierJson.Links(links)), ("@LinkedAt", now));

        // Merge into the oldest subject (the lowest id). A referral that waited in the linking outbox may have an older
        // own subject than referrals stored after it and linked before it; the groups are the same either way.
        var subjects = linking.SelectMany(g => g.Others.Select(o => o.SubjectId)).Append(ownSubject).Distinct().Order().ToList();
        foreach (var from in subjects.Skip(1))
        {
            await store.ExecuteAsync(LinkingSql.Shared.MergeSubject, ("@Into", subjects[0]), ("@From", from));
        }

        return new LinkOutcome(identifierCount, links.Count, ignored.Count, subjects[0]);
    }

    private async Task<List<SharedIdentifier>> SharedAsync(LinkStore store, long reportId, HashSet<(string Kind, string Value)>? only)
    {
        var rows = await store.QueryAsync(
            sqlite ? LinkingSql.Sqlite.SharedIdentifiers : LinkingSql.SqlServer.SharedIdentifiers,
            r => new SharedRow(r.GetString(0), r.GetString(1), LinkStore.Long(r, 2), LinkStore.NullableLong(r, 3), LinkStore.NullableLong(r, 4)),
            ("@ReportId", reportId), ("@Thresholds", thresholds));
        return rows
            .Where(r => only is null || only.Contains((r.Kind, r.Value)))
            .GroupBy(r => (r.Kind, r.Value))
            .Select(g => new SharedIdentifier(g.Key.Kind, g.Key.Value, (int)g.First().ReferralCount,
                g.Where(r => r.OtherReportId is not null).Select(r => (r.OtherReportId!.Value, r.OtherSubjectId ?? 0)).ToList()))
            .ToList();
    }

    private sealed record SharedIdentifier(string Kind, string Value, int Count, List<(long ReportId, long SubjectId)> Others);

    private sealed record SharedRow(string Kind, string Value, long ReferralCount, long? OtherReportId, long? OtherSubjectId);
}
