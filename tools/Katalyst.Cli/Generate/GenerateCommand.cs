using System.CommandLine;
using System.Globalization;
using Katalyst.Cli.Console;
using Katalyst.Synthetic;

namespace Katalyst.Cli.Generate;

/// <summary><c>katalyst generate</c>: deterministic synthetic referral packages, benign and non-explicit.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "How many referral packages to write (1 or more).", Required = true };
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed gives byte-identical output.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The batch folder to write (created when missing).", DefaultValueFactory = _ => "data/generated" };
        var media = new Option<bool>("--media") { Description = "Also write benign code-drawn images (PNG and JPEG) as the files' bytes." };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--count must be at least 1.");
            }
        });

        var command = new Command("generate", "Write synthetic referral packages with labels.csv, subjects.csv and known-hashes.csv beside them.")
        {
            count,
            seed,
            output,
            media,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var options = new GeneratorOptions
            {
                Count = result.GetValue(count),
                Seed = result.GetValue(seed),
                OutputDirectory = result.GetValue(output)!,
                Media = result.GetValue(media),
            };
            return RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(GeneratorOptions options, CancellationToken cancellationToken)
    {
        var generator = new ReferralGenerator(options);
        var summary = await Terminal.WithProgressAsync(
            "Generating referrals",
            options.Count,
            report => Task.Run(() => generator.Generate(new InlineProgress<int>(report), cancellationToken), cancellationToken));

        var culture = CultureInfo.InvariantCulture;
        var rate = summary.Packages / Math.Max(summary.Elapsed.TotalSeconds, 1e-9);
        System.Console.WriteLine(string.Create(culture, $"Wrote {summary.Packages:N0} packages ({summary.FileDetails:N0} fileDetails, {summary.MediaFiles:N0} images) to {Path.GetFullPath(options.OutputDirectory)}"));
        System.Console.WriteLine(string.Create(culture, $"Tiers 1-5: {string.Join(" / ", summary.PackagesPerTier.Select(n => n.ToString("N0", culture)))}; {summary.KnownHashes:N0} known hashes"));
        System.Console.WriteLine(string.Create(culture, $"{summary.Elapsed.TotalSeconds:F1} s ({rate:N0} packages a second)"));
        return 0;
    }
}
