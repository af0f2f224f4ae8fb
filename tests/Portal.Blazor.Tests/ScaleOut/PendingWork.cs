using System.Globalization;
using Dapper;
using Katalyst.Referrals.Store;

namespace Katalyst.Portal.Tests.ScaleOut;

/// <summary>The background work a store still waits for: files to analyse, referrals to score (the outbox) and to route.</summary>
internal static class PendingWork
{
    /// <summary>What still waits, each kind with its count and up to ten of its items; empty when nothing does.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(StoreDataSource store, int uploaded, CancellationToken ct)
    {
        await using var connection = await store.OpenAsync(ct);
        var pending = new List<string>();
        void Add(string what, IEnumerable<string> items)
        {
            var list = items.ToList();
            if (list.Count > 0)
            {
                pending.Add(string.Create(CultureInfo.InvariantCulture, $"{list.Count} {what} ({string.Join(", ", list.Take(10))})"));
            }
        }

        Add("files unanalysed", (await connection.QueryAsync<(long, string)>(
            "SELECT f.report_id, f.file_id FROM referral_files f WHERE f.sha256 IS NOT NULL AND NOT EXISTS (SELECT 1 FROM file_analysis a WHERE a.report_id = f.report_id AND a.file_id = f.file_id)"))
            .Select(f => $"report {f.Item1} file {f.Item2}"));
        Add("referrals unscored", (await connection.QueryAsync<(long, string, int, string?)>("SELECT report_id, state, attempts, last_error FROM scoring_outbox"))
            .Select(o => $"report {o.Item1} {o.Item2} after {o.Item3} attempts{(o.Item4 is null ? "" : ": " + o.Item4)}"));
        Add("referrals unrouted", (await connection.QueryAsync<long>("SELECT r.report_id FROM referrals r WHERE NOT EXISTS (SELECT 1 FROM referral_locations l WHERE l.report_id = r.report_id)"))
            .Select(id => $"report {id}"));
        var stored = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referrals");
        if (stored < uploaded)
        {
            pending.Add(string.Create(CultureInfo.InvariantCulture, $"{uploaded - stored} of {uploaded} referrals not stored"));
        }

        return pending;
    }
}
