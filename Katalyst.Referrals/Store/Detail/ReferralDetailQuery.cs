using System.Text.Json;
using Dapper;
using Katalyst.Referrals.Model;

namespace Katalyst.Referrals.Store.Detail;

/// <summary>
/// Reads one referral whole for the referral page: the stored row, report.xml and the manifest read back with the
/// intake's own parsers, its files (each with its media analysis), its latest score and the reports it is linked to.
/// </summary>
public sealed class ReferralDetailQuery(StoreDataSource dataSource, ReferralQueries queries, ReferralScoreStore scores)
{
    /// <summary>NCMEC's own link between reports, from the manifest.</summary>
    public const string NcmecRelatedSource = "NCMEC relatedReports";

    /// <summary>The referral with this report number; null when the store has none.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reportId"/> is not positive.</exception>
    public async Task<ReferralDetail?> GetAsync(long reportId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(reportId);
        var referral = await queries.GetAsync(reportId, cancellationToken);
        if (referral is null)
        {
            return null;
        }

        var score = await scores.GetAsync(reportId, cancellationToken);
        var analyses = await new Analysis.FileAnalysisStore(dataSource).ForReferralAsync(reportId, cancellationToken);
        var links = Links(referral);
        var stored = await StoredAmongAsync(links.Keys, cancellationToken);
        return new ReferralDetail(
            referral,
            score,
            [.. referral.Files.Select(f => ReferralFileView.From(f, analyses.GetValueOrDefault(f.FileId)))],
            [.. links.OrderBy(l => l.Key).Select(l => new RelatedReport(l.Key, l.Value, stored.Contains(l.Key)))]);
    }

    /// <summary>
    /// Every report this one is linked to, with where each link comes from: NCMEC's <c>relatedReports</c> and the
    /// <c>priorCTReports</c> of every party and associated account in the report. The report itself is left out.
    /// </summary>
    public static SortedDictionary<long, List<string>> Links(StoredReferral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var links = new SortedDictionary<long, List<string>>();
        void Add(IEnumerable<long> ids, string source)
        {
            foreach (var id in ids.Where(id => id != referral.Summary.ReportId))
            {
                if (!links.TryGetValue(id, out var sources))
                {
                    links[id] = sources = [];
                }

                if (!sources.Contains(source))
                {
                    sources.Add(source);
                }
            }
        }

        Add(referral.Manifest.RelatedReports, NcmecRelatedSource);
        var report = referral.Report;
        for (var i = 0; i < report.PersonsOrUsersReported.Count; i++)
        {
            AddParty(Add, report.PersonsOrUsersReported[i].Account, report.PersonsOrUsersReported[i].AssociatedAccounts, $"reported person {i + 1}");
        }

        for (var i = 0; i < report.IntendedRecipients.Count; i++)
        {
            AddParty(Add, report.IntendedRecipients[i].Account, [], $"intended recipient {i + 1}");
        }

        for (var i = 0; i < report.Victims.Count; i++)
        {
            AddParty(Add, report.Victims[i].Account, report.Victims[i].AssociatedAccounts, $"victim {i + 1}");
        }

        return links;
    }

    private static void AddParty(Action<IEnumerable<long>, string> add, AccountDetails account, IReadOnlyList<AssociatedAccount> associated, string party)
    {
        add(account.PriorCTReports, $"priorCTReports of {party}");
        for (var i = 0; i < associated.Count; i++)
        {
            add(associated[i].Account.PriorCTReports, $"priorCTReports of {party}, associated account {i + 1}");
        }
    }

    private async Task<HashSet<long>> StoredAmongAsync(IEnumerable<long> reportIds, CancellationToken cancellationToken)
    {
        var ids = reportIds.ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var sql = dataSource.Provider == StoreProvider.Sqlite ? ReferralDetailSql.Sqlite.StoredAmong : ReferralDetailSql.SqlServer.StoredAmong;
        var json = JsonSerializer.Serialize(ids);
        await using var connection = await dataSource.OpenAsync(cancellationToken);
        var found = await connection.QueryAsync<long>(new CommandDefinition(sql, new { ReportIdsJson = json }, cancellationToken: cancellationToken));
        return [.. found];
    }
}
