using Dapper;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Queue;

namespace Katalyst.Referrals.Linking.Subjects;

/// <summary>Reads a subject back for the portal: its referrals with their work state, identifiers, links and ignored identifiers.</summary>
public sealed class SubjectViewQuery(StoreDataSource dataSource)
{
    /// <summary>The subject <paramref name="reportId"/> belongs to; null when the store holds no such referral.</summary>
    public async Task<long?> SubjectOfAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            SubjectViewSql.Shared.SubjectOf, new { ReportId = reportId }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Whether <paramref name="reportId"/> still waits in the linking outbox: stored as its own subject but not yet checked
    /// against other referrals, so "linked to nothing" would not be true yet.
    /// </summary>
    public async Task<bool> LinkingPendingAsync(long reportId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            LinkingOutboxSql.Shared.IsWaiting, new { ReportId = reportId }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Only the subject's referrals, for the referral page's deconfliction warning.</summary>
    public async Task<IReadOnlyList<SubjectMember>> MembersAsync(long subjectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        return await MembersAsync(connection, subjectId, cancellationToken);
    }

    /// <summary>The whole subject; null when no referral belongs to <paramref name="subjectId"/>.</summary>
    public async Task<SubjectView?> GetAsync(long subjectId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var members = await MembersAsync(connection, subjectId, cancellationToken);
        if (members.Count == 0)
        {
            return null;
        }

        var parameters = new { SubjectId = subjectId };
        var identifiers = await connection.QueryAsync<SubjectIdentifier>(
            new CommandDefinition(SubjectViewSql.Shared.Identifiers, parameters, cancellationToken: cancellationToken));
        var links = await connection.QueryAsync<LinkRow>(
            new CommandDefinition(SubjectViewSql.Shared.Links, parameters, cancellationToken: cancellationToken));
        var ignored = await connection.QueryAsync<IgnoredRow>(
            new CommandDefinition(SubjectViewSql.Shared.Ignored, parameters, cancellationToken: cancellationToken));
        return new SubjectView(subjectId, members, [.. identifiers],
            [.. links.Select(l => new SubjectLink(l.ReportA, l.ReportB, l.Kind, l.Value, l.LinkedAt))],
            [.. ignored.Select(i => new SubjectIgnoredIdentifier(i.ReportId, i.Kind, i.Value, (int)i.ReferralCount))]);
    }

    private static async Task<IReadOnlyList<SubjectMember>> MembersAsync(System.Data.Common.DbConnection connection, long subjectId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(
            SubjectViewSql.Shared.Members, new { SubjectId = subjectId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new SubjectMember(r.ReportId, r.ReceivedAt, r.Tier is { } t ? (int)t : null,
            ReferralStatusCodes.FromCode(r.StatusCode), r.AssigneeUserId, r.AssigneeName, r.UnitId, r.UnitCode))];
    }

    private sealed class MemberRow
    {
        public long ReportId { get; set; }
        public DateTimeOffset ReceivedAt { get; set; }
        public long? Tier { get; set; }
        public string StatusCode { get; set; } = "new";
        public long? AssigneeUserId { get; set; }
        public string? AssigneeName { get; set; }
        public long? UnitId { get; set; }
        public string? UnitCode { get; set; }
    }

    private sealed class LinkRow
    {
        public long ReportA { get; set; }
        public long ReportB { get; set; }
        public string Kind { get; set; } = "";
        public string Value { get; set; } = "";
        public DateTimeOffset LinkedAt { get; set; }
    }

    private sealed class IgnoredRow
    {
        public long ReportId { get; set; }
        public string Kind { get; set; } = "";
        public string Value { get; set; } = "";
        public long ReferralCount { get; set; }
    }
}
