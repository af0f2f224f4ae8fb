using Spectre.Console;

namespace Katalyst.Cli.Console;

/// <summary>Progress bars on a terminal; plain lines when output goes to a file or a pipe.</summary>
internal static class Terminal
{
    public static bool Interactive => !System.Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> with a progress bar when on a terminal.</summary>
    /// <param name="description">What the bar counts.</param>
    /// <param name="total">The expected total, or null when unknown.</param>
    /// <param name="work">The work; it reports the count done through the callback it is given.</param>
    public static async Task<T> WithProgressAsync<T>(string description, int? total, Func<Action<int>, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work(_ => { });
        }

        T result = default!;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, total ?? 1));
                task.IsIndeterminate = total is null;
                result = await work(done =>
                {
                    if (done > task.MaxValue)
                    {
                        task.MaxValue = done;
                    }

                    task.Value = done;
                });
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
            });
        return result;
    }
}
