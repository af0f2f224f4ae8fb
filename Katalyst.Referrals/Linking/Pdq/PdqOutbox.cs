using System.Data.Common;
using Dapper;

namespace Katalyst.Referrals.Linking.Pdq;

/// <summary>
/// Puts a referral's new pdq identifiers into the linking outbox, in the caller's transaction: merged into its waiting
/// row's JSON (<c>linking_outbox.report_id</c> is unique), else a new row at the end of the queue, which
/// <see cref="LinkingRun"/> links (only the new identifiers) like any waiting referral. Values the referral already
/// carries, or that already wait, are left out: a value is one identifier per referral.
/// </summary>
internal static class PdqOutbox
{
    public static async Task<int> AddAsync(DbConnection connection, DbTransaction transaction, long reportId, IReadOnlyList<ReferralIdentifier> identifiers, CancellationToken cancellationToken)
    {
        var key = new { ReportId = reportId, Kind = IdentifierKinds.Pdq };
        var known = (await connection.QueryAsync<string>(new CommandDefinition(PdqLinkSql.Shared.CarriedValues, key, transaction, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        var waiting = await connection.QuerySingleOrDefaultAsync<WaitingRow>(new CommandDefinition(PdqLinkSql.Shared.Waiting, key, transaction, cancellationToken: cancellationToken));
        var waitingIdentifiers = waiting is null ? [] : IdentifierJson.Parse(waiting.Identifiers, reportId);
        known.UnionWith(waitingIdentifiers.Where(i => i.Kind == IdentifierKinds.Pdq).Select(i => i.Value));
        var added = identifiers.Where(i => known.Add(i.Value)).ToList();
        if (added.Count == 0)
        {
            return 0;
        }

        if (waiting is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(PdqLinkSql.Shared.UpdateWaiting,
                new { waiting.Seq, Identifiers = IdentifierJson.Identifiers([.. waitingIdentifiers, .. added]) }, transaction, cancellationToken: cancellationToken));
            return added.Count;
        }

        // A referral stored with linking off has no subject: it was never meant to link (katalyst import --no-linking).
        var subject = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(LinkingSql.Shared.SubjectOf, key, transaction, cancellationToken: cancellationToken));
        if (subject is null)
        {
            return 0;
        }

        await connection.ExecuteAsync(new CommandDefinition(LinkingOutboxSql.Shared.Enqueue,
            new { ReportId = reportId, Identifiers = IdentifierJson.Identifiers(added), EnqueuedAt = DateTimeOffset.UtcNow }, transaction, cancellationToken: cancellationToken));
        return added.Count;
    }

    private sealed class WaitingRow
    {
        public long Seq { get; init; }

        public string Identifiers { get; init; } = "";
    }
}
