using System.Globalization;
using Katalyst.Referrals.Model;
using Microsoft.Data.Sqlite;

namespace Katalyst.Cli.Bench;

/// <summary>
/// Synthetic queue rows with plausible shapes: most referrals in tiers 3 and 4, a few IMMEDIATE, most still New,
/// a fifth worked by 200 investigators in 20 units, two years of receipts, short benign sentences as text.
/// Rows go straight into the tables: generating and importing a million packages would take hours here.
/// </summary>
internal static class QueueBenchData
{
    public static readonly string[] IncidentTypes = Enum.GetValues<IncidentType>().Select(t => t.ToSchemaValue()).ToArray();

    public static readonly DateTimeOffset FirstReceived = new(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] TierNames = ["IMMEDIATE", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"];
    private static readonly string[] Platforms = ["Example Chat", "Sample Social", "Demo Games", "Test Mail", "Placeholder Video"];
    private static readonly string[] Subjects = ["The user", "The account", "The sender", "A profile", "The contact"];
    private static readonly string[] Verbs = ["asked about", "talked about", "shared a link about", "posted about", "wrote about"];
    private static readonly string[] Topics =
    [
        "football practice", "homework help", "a school trip", "music lessons", "a new phone", "weekend plans", "a birthday party",
        "online games", "a meeting at the mall", "gift cards", "a camera app", "travel to the city", "a video call", "photos", "tasveer",
    ];

    private static readonly string[] Statuses = ["new", "in_review", "assigned", "investigating", "referred_onward", "closed"];

    /// <summary>Adds <paramref name="count"/> referrals after <paramref name="firstId"/>, in one transaction, reporting progress.</summary>
    public static void Fill(SqliteConnection connection, long firstId, int count, Action<int> progress)
    {
        var random = new Random(20261122);
        using var transaction = connection.BeginTransaction();
        using var referral = Prepare(connection, transaction, QueueBenchSql.Sqlite.InsertReferral, "ReportId", "ReceivedAt", "ReportType", "IncidentType", "Platform", "Escalated", "FileCount", "PackageSha256");
        using var score = Prepare(connection, transaction, QueueBenchSql.Sqlite.InsertScore, "ReportId", "Tier", "TierName", "Score", "ReasonsJson", "ReceivedAt");
        using var queue = Prepare(connection, transaction, QueueBenchSql.Sqlite.InsertQueueRow, "ReportId", "ReceivedAt", "IncidentType", "Tier", "Score", "Status", "AssigneeUserId", "UnitId", "FirstReviewedAt");
        using var text = Prepare(connection, transaction, QueueBenchSql.Sqlite.InsertText, "ReportId", "Body");
        var span = TimeSpan.FromDays(730).Ticks;
        for (var i = 0; i < count; i++)
        {
            var id = firstId + i;
            var received = FirstReceived.AddTicks((long)(random.NextDouble() * span));
            var receivedText = Utc(received);
            var incident = IncidentTypes[Math.Min(IncidentTypes.Length - 1, (int)(Math.Pow(random.NextDouble(), 2) * IncidentTypes.Length))];
            int? tier = random.NextDouble() < 0.04 ? null : Pick(random, [0.04, 0.14, 0.35, 0.32, 0.15]) + 1;
            double? value = tier is { } t ? Math.Clamp((5 - t) / 4.0 + ((random.NextDouble() - 0.5) * 0.3), 0, 1) : null;
            var status = Statuses[Pick(random, [0.70, 0.10, 0.10, 0.05, 0.03, 0.02])];
            var worked = status is not "new" and not "in_review";

            Run(referral, id, receivedText, random.NextDouble() < 0.25 ? "informational" : "referral", incident, Platforms[random.Next(Platforms.Length)],
                tier == 1 && random.NextDouble() < 0.5 ? 1 : 0, random.Next(1, 6), id.ToString("x64", CultureInfo.InvariantCulture));
            if (tier is { } scored)
            {
                Run(score, id, scored, TierNames[scored - 1], value!.Value, $$"""[{"signal":"bench","contribution":1.0,"text":"Synthetic reason for tier {{scored}}."}]""", receivedText);
            }

            Run(queue, id, receivedText, incident, (object?)tier ?? DBNull.Value, (object?)value ?? DBNull.Value, status,
                worked ? random.Next(1, 201) : DBNull.Value, worked ? random.Next(1, 21) : DBNull.Value, status == "new" ? DBNull.Value : receivedText);
            Run(text, id, Sentence(random) + " " + Sentence(random));
            if (i % 10_000 == 0)
            {
                progress(i);
            }
        }

        transaction.Commit();
        progress(count);
    }

    private static string Sentence(Random random) =>
        $"{Subjects[random.Next(Subjects.Length)]} {Verbs[random.Next(Verbs.Length)]} {Topics[random.Next(Topics.Length)]}.";

    private static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA2100", Justification = "Only QueueBenchSql constants are passed.")]
    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter("@" + name, null));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static string Utc(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
