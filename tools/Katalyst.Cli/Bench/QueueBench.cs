using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Katalyst.Cli.Console;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Katalyst.Referrals.Store.Queue;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Cli.Bench;

/// <summary>
/// <c>katalyst bench queue</c>: fills a SQLite store with synthetic queue rows up to <c>--referrals</c>, then times
/// the queue pages an investigator asks for through <see cref="QueueStore"/> itself (count and page), median of runs,
/// then the dashboard (<see cref="DashboardBench"/>).
/// </summary>
internal static class QueueBench
{
    public static Command Create()
    {
        var referrals = new Option<int>("--referrals") { Description = "Referrals the store should hold; missing ones are added as synthetic rows.", DefaultValueFactory = _ => 1_000_000 };
        var db = new Option<string>("--db") { Description = "The SQLite file (created when missing).", DefaultValueFactory = _ => "data/bench-queue.db" };
        var runs = new Option<int>("--runs") { Description = "Timed runs per page, after one warm-up; the median is printed.", DefaultValueFactory = _ => 7 };
        var command = new Command("queue", "Fill a SQLite store with synthetic referrals and time the queue's first and filtered pages.") { referrals, db, runs };
        command.SetAction((result, ct) => RunAsync(result.GetValue(referrals), result.GetValue(db)!, result.GetValue(runs), ct));
        return command;
    }

    private static async Task<int> RunAsync(int referrals, string db, int runs, CancellationToken cancellationToken)
    {
        if (referrals < 1 || runs < 1)
        {
            await System.Console.Error.WriteLineAsync("katalyst bench queue: --referrals and --runs must be at least 1.");
            return 2;
        }

        var dataSource = new StoreDataSource(StoreProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = db }.ToString());
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
        await FillAsync(dataSource, referrals, cancellationToken);

        var queue = new QueueStore(dataSource);
        var culture = CultureInfo.InvariantCulture;
        System.Console.WriteLine(string.Create(culture, $"{"page",-44} {"median ms",10} {"max ms",8} {"matches",10}"));
        foreach (var (name, query) in Pages())
        {
            var times = new List<double>();
            var page = await queue.PageAsync(query, cancellationToken); // warm-up
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                page = await queue.PageAsync(query, cancellationToken);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            System.Console.WriteLine(string.Create(culture, $"{name,-44} {times[times.Count / 2],10:F1} {times[^1],8:F1} {page.TotalCount,10:N0}"));
        }

        await DashboardBench.RunAsync(dataSource, runs, cancellationToken);
        return 0;
    }

    internal static async Task FillAsync(StoreDataSource dataSource, int referrals, CancellationToken cancellationToken)
    {
        await using var connection = (SqliteConnection)await dataSource.OpenAsync(cancellationToken);
        var existing = Convert.ToInt32(await Scalar(connection, QueueBenchSql.Sqlite.CountReferrals), CultureInfo.InvariantCulture);
        var missing = referrals - existing;
        if (missing <= 0)
        {
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The store holds {existing:N0} referrals; none added."));
            return;
        }

        var firstId = Convert.ToInt64(await Scalar(connection, QueueBenchSql.Sqlite.MaxReportId), CultureInfo.InvariantCulture) + 1;
        var watch = Stopwatch.StartNew();
        await Terminal.WithProgressAsync("Adding synthetic referrals", missing, report =>
        {
            QueueBenchData.Fill(connection, firstId, missing, report);
            return Task.FromResult(missing);
        });
        await Scalar(connection, QueueBenchSql.Sqlite.Analyze);
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Added {missing:N0} referrals in {watch.Elapsed.TotalSeconds:F1} s (with ANALYZE)."));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only QueueBenchSql constants are passed.")]
    private static async Task<object?> Scalar(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static IEnumerable<(string Name, QueueQuery Query)> Pages()
    {
        var month = QueueBenchData.FirstReceived.AddMonths(12);
        QueueQuery Of(QueueFilter filter, QueueSort sort = QueueSort.Priority, bool descending = false) => new(filter, sort, descending);
        yield return ("first page (tier, score, age)", QueueQuery.Default);
        yield return ("page 101 (skip 2,500)", QueueQuery.Default with { Skip = 2_500 });
        yield return ("tier 1", Of(new QueueFilter { Tier = 1 }));
        yield return ("tier 4", Of(new QueueFilter { Tier = 4 }));
        yield return ("status In review", Of(new QueueFilter { Status = ReferralStatus.InReview }));
        yield return ("status New", Of(new QueueFilter { Status = ReferralStatus.New }));
        yield return ("incident type (rarest)", Of(new QueueFilter { IncidentType = QueueBenchData.IncidentTypes[^1] }));
        yield return ("incident type (commonest)", Of(new QueueFilter { IncidentType = QueueBenchData.IncidentTypes[0] }));
        yield return ("unit 7", Of(new QueueFilter { UnitId = 7 }));
        yield return ("assignee 42", Of(new QueueFilter { AssigneeUserId = 42 }));
        yield return ("received in one month", Of(new QueueFilter { ReceivedFrom = month, ReceivedBefore = month.AddMonths(1) }));
        yield return ("score 0.5 to 0.8", Of(new QueueFilter { MinScore = 0.5, MaxScore = 0.8 }));
        yield return ("text 'tasveer' (1 in 8)", Of(new QueueFilter { Text = "tasveer" }));
        yield return ("text 'meeting mall'", Of(new QueueFilter { Text = "meeting mall" }));
        yield return ("text 'user' (most)", Of(new QueueFilter { Text = "user" }));
        yield return ("text 'zebra' (no match)", Of(new QueueFilter { Text = "zebra" }));
        yield return ("sort score, highest first", Of(new QueueFilter(), QueueSort.Score));
        yield return ("sort received, newest first", Of(new QueueFilter(), QueueSort.Received, descending: true));
        yield return ("status New + tier 2 + text 'photos'", Of(new QueueFilter { Status = ReferralStatus.New, Tier = 2, Text = "photos" }));
        yield return ("unit 7 + status Assigned, by score", Of(new QueueFilter { UnitId = 7, Status = ReferralStatus.Assigned }, QueueSort.Score));
    }
}
