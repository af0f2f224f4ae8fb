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
/// Groups a new referral with the stored ones, incrementally, inside the caller's transaction (the importer's, so a
/// referral is never stored half-linked). Every referral starts as its own subject. For each identifier it shares:
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
    /// so the single writer only stores and links.
    /// </summary>
    public IReadOnlyList<ReferralIdentifier> Extract(ParsedReferral referral) => extractor.Extract(referral);

    /// <summary>Stores <paramref name="identifiers"/> for a stored referral and links it.</summary>
    public async Task<LinkOutcome> LinkAsync(DbConnection connection, DbTransaction transaction, long reportId, IReadOnlyList<ReferralIdentifier> identifiers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(identifiers);
        var now = DateTimeOffset.UtcNow;
        var store = new LinkStore(connection, transaction, provider, cancellationToken);
        if (identifiers.Count > 0)
        {
            await store.ExecuteAsync(sqlite ? LinkingSql.Sqlite.InsertIdentifiers : LinkingSql.SqlServer.InsertIdentifiers,
                ("@ReportId", reportId), ("@Identifiers", IdentifierJson.Identifiers(identifiers)));
        }

        var ownSubject = await store.ScalarAsync(sqlite ? LinkingSql.Sqlite.InsertSubject : LinkingSql.SqlServer.InsertSubject,
            ("@ReportId", reportId), ("@CreatedAt", now));
        var shared = identifiers.Count == 0 ? [] : await SharedAsync(store, reportId);
        if (shared.Count == 0)
        {
            return new LinkOutcome(identifiers.Count, 0, 0, ownSubject);
        }

        var ignored = shared.Where(g => g.Count > Options.ThresholdFor(g.Kind)).ToList();
        var crossed = ignored.Where(g => Options.ThresholdFor(g.Kind) >= 1 && g.Count == Options.ThresholdFor(g.Kind) + 1).ToList();
        foreach (var identifier in crossed)
        {
            await SubjectSplitter.RetractAsync(store, identifier.Kind, identifier.Value, identifier.Count, reportId, now);
        }

        if (crossed.Count > 0)
        {
            shared = await SharedAsync(store, reportId); // subjects may have split
        }

        await store.InsertIgnoredAsync([.. ignored.Select(g => (reportId, g.Kind, g.Value, g.Count))], now);

        var linking = shared.Where(g => g.Count <= Options.ThresholdFor(g.Kind)).ToList();
        var links = linking.SelectMany(g => g.Others.Select(o => (o.ReportId, g.Kind, g.Value))).ToList();
        if (links.Count == 0)
        {
            return new LinkOutcome(identifiers.Count, 0, ignored.Count, ownSubject);
        }

        await store.ExecuteAsync(sqlite ? LinkingSql.Sqlite.InsertLinks : LinkingSql.SqlServer.InsertLinks,
            ("@ReportId", reportId), ("@Links", IdentifierJson.Links(links)), ("@LinkedAt", now));

        // Merge into the oldest subject (the lowest id); the new referral's own subject is the newest of all.
        var subjects = linking.SelectMany(g => g.Others.Select(o => o.SubjectId)).Append(ownSubject).Distinct().Order().ToList();
        foreach (var from in subjects.Skip(1))
        {
            await store.ExecuteAsync(LinkingSql.Shared.MergeSubject, ("@Into", subjects[0]), ("@From", from));
        }

        return new LinkOutcome(identifiers.Count, links.Count, ignored.Count, subjects[0]);
    }

    private async Task<List<SharedIdentifier>> SharedAsync(LinkStore store, long reportId)
    {
        var rows = await store.QueryAsync(
            sqlite ? LinkingSql.Sqlite.SharedIdentifiers : LinkingSql.SqlServer.SharedIdentifiers,
            r => new SharedRow(r.GetString(0), r.GetString(1), LinkStore.Long(r, 2), LinkStore.NullableLong(r, 3), LinkStore.NullableLong(r, 4)),
            ("@ReportId", reportId), ("@Thresholds", thresholds));
        return rows
            .GroupBy(r => (r.Kind, r.Value))
            .Select(g => new SharedIdentifier(g.Key.Kind, g.Key.Value, (int)g.First().ReferralCount,
                g.Where(r => r.OtherReportId is not null).Select(r => (r.OtherReportId!.Value, r.OtherSubjectId ?? 0)).ToList()))
            .ToList();
    }

    private sealed record SharedIdentifier(string Kind, string Value, int Count, List<(long ReportId, long SubjectId)> Others);

    private sealed record SharedRow(string Kind, string Value, long ReferralCount, long? OtherReportId, long? OtherSubjectId);
}
