using Dapper;

namespace Katalyst.Referrals.Store.Queue;

/// <summary>The page and count SQL for one <see cref="QueueQuery"/>, with its parameters.</summary>
/// <param name="PageSql">Selects the page's rows.</param>
/// <param name="CountSql">Counts every row the filter matches.</param>
/// <param name="Parameters">The values, only those the SQL names.</param>
/// <param name="FewMatchesPageSql">
/// SQLite, text the only filter: the page driven by the text matches, for when the count is at most
/// <see cref="FewMatches"/>; null otherwise.
/// </param>
internal sealed record QueuePageStatement(string PageSql, string CountSql, DynamicParameters Parameters, string? FewMatchesPageSql = null)
{
    /// <summary>Up to this many text matches, looking each up beats walking the order index (docs/benchmarks.md).</summary>
    public const int FewMatches = 5_000;

    /// <summary>The page SQL to run once the count is known.</summary>
    public string PageSqlFor(int total) => FewMatchesPageSql is { } few && total <= FewMatches ? few : PageSql;

    /// <summary>Builds the statement for a valid query in the given dialect.</summary>
    public static QueuePageStatement For(QueueQuery query, StoreProvider provider)
    {
        var f = query.Filter;
        var conditions = new List<string>();
        var parameters = new DynamicParameters();
        void Add(bool present, string condition, string name, object? value)
        {
            if (present)
            {
                conditions.Add(condition);
                parameters.Add(name, value);
            }
        }

        Add(f.Tier is not null, QueuePageSql.Common.Tier, "Tier", f.Tier);
        Add(f.MinScore is not null, QueuePageSql.Common.MinScore, "MinScore", f.MinScore);
        Add(f.MaxScore is not null, QueuePageSql.Common.MaxScore, "MaxScore", f.MaxScore);
        Add(f.Status is not null, QueuePageSql.Common.Status, "Status", f.Status?.ToCode());
        Add(f.IncidentType is not null, QueuePageSql.Common.IncidentType, "IncidentType", f.IncidentType);
        Add(f.UnitId is not null, QueuePageSql.Common.UnitId, "UnitId", f.UnitId);
        Add(f.Province is not null, QueuePageSql.Common.Province, "Province", f.Province);
        Add(f.AssigneeUserId is not null, QueuePageSql.Common.AssigneeUserId, "AssigneeUserId", f.AssigneeUserId);
        if (f.Scope is { } scope)
        {
            conditions.Add(QueuePageSql.Common.Scope);
            parameters.Add("ScopeUnitId", scope.UnitId);
            parameters.Add("ScopeUserId", scope.UserId);
        }

        Add(f.ReceivedFrom is not null, QueuePageSql.Common.ReceivedFrom, "ReceivedFrom", f.ReceivedFrom);
        Add(f.ReceivedBefore is not null, QueuePageSql.Common.ReceivedBefore, "ReceivedBefore", f.ReceivedBefore);
        if (f.Text is { } text)
        {
            var sqlite = provider == StoreProvider.Sqlite;
            Add(true, sqlite ? QueuePageSql.SqliteDialect.Text : QueuePageSql.SqlServerDialect.Text, "Text",
                sqlite ? QueueText.SqliteMatch(text) : QueueText.SqlServerLike(text));
        }

        parameters.Add("Skip", query.Skip);
        parameters.Add("Take", query.Take);
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join("\n  AND ", conditions);
        var order = (query.Sort, query.Descending) switch
        {
            (QueueSort.Priority, false) => QueuePageSql.Common.PriorityOrder,
            (QueueSort.Priority, true) => QueuePageSql.Common.PriorityReversed,
            (QueueSort.Score, false) => QueuePageSql.Common.ScoreOrder,
            (QueueSort.Score, true) => QueuePageSql.Common.ScoreReversed,
            (QueueSort.Received, false) => QueuePageSql.Common.ReceivedOrder,
            (QueueSort.Received, true) => QueuePageSql.Common.ReceivedReversed,
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Sort, "Not a queue order."),
        };
        var textOnly = provider == StoreProvider.Sqlite && f.Text is not null && conditions.Count == 1;
        var count = textOnly
            ? QueuePageSql.SqliteDialect.CountTextOnly
            : QueuePageSql.Common.Count.Replace(QueuePageSql.WherePlaceholder, where, StringComparison.Ordinal);
        var page = provider == StoreProvider.Sqlite ? QueuePageSql.SqliteDialect.Page : QueuePageSql.SqlServerDialect.Page;
        string Fill(string whereClause) =>
            page.Replace(QueuePageSql.WherePlaceholder, whereClause, StringComparison.Ordinal).Replace(QueuePageSql.OrderPlaceholder, order, StringComparison.Ordinal);
        return new QueuePageStatement(
            Fill(where),
            count,
            parameters,
            textOnly ? Fill("WHERE " + QueuePageSql.SqliteDialect.TextDriving) : null);
    }
}
