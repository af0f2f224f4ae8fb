using System.CommandLine;
using Katalyst.Referrals.Store;
using Microsoft.Data.Sqlite;

namespace Katalyst.Cli.Import;

/// <summary>The options that say which store a command works on: <c>--db</c>, <c>--provider</c>, <c>--evidence</c>.</summary>
internal sealed class StoreArguments
{
    public Option<string> Db { get; } = new("--db")
    {
        Description = "The store: a SQLite file path, or a connection string (SQLite, or SQL Server with --provider sqlserver).",
        DefaultValueFactory = _ => "data/katalyst.db",
    };

    public Option<StoreProvider> Provider { get; } = new("--provider")
    {
        Description = "The database engine: Sqlite (default) or SqlServer.",
        DefaultValueFactory = _ => StoreProvider.Sqlite,
    };

    public Option<string?> Evidence { get; } = new("--evidence")
    {
        Description = "Folder for evidence bytes. Default: 'evidence' beside the SQLite file, or data/evidence.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Db);
        command.Options.Add(Provider);
        command.Options.Add(Evidence);
    }

    public StoreOptions Read(ParseResult result)
    {
        var db = result.GetValue(Db)!;
        var provider = result.GetValue(Provider);
        var connectionString = db.Contains('=', StringComparison.Ordinal) ? db : new SqliteConnectionStringBuilder { DataSource = db }.ToString();
        var evidence = result.GetValue(Evidence) ?? DefaultEvidence(provider, connectionString);
        return new StoreOptions { Provider = provider, ConnectionString = connectionString, EvidencePath = evidence };
    }

    private static string DefaultEvidence(StoreProvider provider, string connectionString)
    {
        if (provider != StoreProvider.Sqlite)
        {
            return "data/evidence";
        }

        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        return string.IsNullOrEmpty(folder) ? "data/evidence" : Path.Combine(folder, "evidence");
    }
}
