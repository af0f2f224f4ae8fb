using System.CommandLine;
using System.Globalization;
using Katalyst.Cli.Import;
using Katalyst.Referrals.Linking;
using Katalyst.Referrals.Store;
using Katalyst.Referrals.Store.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace Katalyst.Cli.Subjects;

/// <summary><c>katalyst subjects</c>: the subjects linking grouped referrals into.</summary>
internal static class SubjectsCommand
{
    public static Command Create()
    {
        var command = new Command("subjects", "Subjects: referrals linked into one suspect by shared identifiers.");
        command.Subcommands.Add(Export());
        return command;
    }

    private static Command Export()
    {
        var store = new StoreArguments();
        var command = new Command("export", "Print CSV reportId,subjectId for every stored referral, by report number (a referral linked to nothing is its own subject).");
        command.Options.Add(store.Db);
        command.Options.Add(store.Provider);
        command.SetAction((result, cancellationToken) => RunAsync(store.Read(result), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(StoreOptions options, CancellationToken cancellationToken)
    {
        if (options.Provider == StoreProvider.Sqlite && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource))
        {
            await System.Console.Error.WriteLineAsync($"katalyst subjects export: no store at {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource} (give one with --db).");
            return 2;
        }

        var dataSource = StoreDataSource.FromOptions(options);
        await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).ApplyAsync(cancellationToken);
        var output = System.Console.Out;
        await output.WriteLineAsync("reportId,subjectId");
        await foreach (var row in new SubjectQueries(dataSource).ExportAsync(cancellationToken))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{row.ReportId},{row.SubjectId}"));
        }

        return 0;
    }
}
