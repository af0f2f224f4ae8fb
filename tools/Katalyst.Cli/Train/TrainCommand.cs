using System.CommandLine;
using Katalyst.Referrals.Store;
using Microsoft.Data.Sqlite;

namespace Katalyst.Cli.Train;

/// <summary><c>katalyst train text|priority</c>: trains a model from generated packages and their labels.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train the scoring models from packages written by 'katalyst generate' (labels.csv beside them).");
        command.Subcommands.Add(Subcommand("text", "Train the text indicator model (English, Urdu script, Roman Urdu).", TextTraining.RunAsync));
        command.Subcommands.Add(Subcommand("priority", "Train the priority model over the policy's signals and the text indicators (needs the text model in --out).", PriorityTraining.RunAsync));
        return command;
    }

    private static Command Subcommand(string name, string description, Func<TrainArguments, CancellationToken, Task<int>> run)
    {
        var data = new Option<string>("--data") { Description = "The generated batch folder to train on.", Required = true };
        var output = new Option<string>("--out") { Description = "The models folder to write (e.g. models).", DefaultValueFactory = _ => "models" };
        var holdout = new Option<string?>("--holdout") { Description = "A batch of another seed to report the held-out figures on. Default: 20% of --data, never trained on." };
        var seed = new Option<int>("--seed") { Description = "Seed of the training run (splits, shuffling).", DefaultValueFactory = _ => 1 };
        var overridesDb = new Option<string?>("--overrides-db")
        {
            Description = "A store (SQLite file or connection string) whose supervisors' tier overrides are trained on as labels; each replaces the generated tier of its referral.",
        };
        var overridesProvider = new Option<StoreProvider>("--overrides-provider") { Description = "The engine of --overrides-db: Sqlite (default) or SqlServer.", DefaultValueFactory = _ => StoreProvider.Sqlite };
        var sub = new Command(name, description) { data, output, holdout, seed };
        if (name == "priority")
        {
            sub.Options.Add(overridesDb);
            sub.Options.Add(overridesProvider);
        }

        sub.SetAction((result, ct) => run(
            new TrainArguments(
                result.GetValue(data)!, result.GetValue(output)!, result.GetValue(holdout), result.GetValue(seed), CommandLine(name, result),
                OverridesStore(result.GetValue(overridesDb), result.GetValue(overridesProvider))),
            ct));
        return sub;
    }

    private static StoreOptions? OverridesStore(string? db, StoreProvider provider) => db is null
        ? null
        : new StoreOptions
        {
            Provider = provider,
            ConnectionString = db.Contains('=', StringComparison.Ordinal) ? db : new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly }.ToString(),
        };

    // What goes into the manifest as the training command, with the paths as given.
    private static string CommandLine(string name, ParseResult result) =>
        "katalyst train " + name + " " + string.Join(' ', result.Tokens.SkipWhile(t => t.Value != name).Skip(1).Select(t => t.Value));
}

/// <summary>The options every <c>train</c> subcommand takes; <paramref name="Overrides"/> is priority's store of tier overrides.</summary>
internal sealed record TrainArguments(string Data, string Out, string? Holdout, int Seed, string CommandLine, StoreOptions? Overrides = null);
