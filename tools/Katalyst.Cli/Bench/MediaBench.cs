using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Katalyst.Models.Conversion;
using Katalyst.Models.Manifest;
using Katalyst.Scoring.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace Katalyst.Cli.Bench;

/// <summary>
/// <c>katalyst bench media</c>: images a second per converted media model (the ONNX files <c>katalyst models convert</c>
/// wrote, SHA-checked against their manifest), at batch 1 and batch 32, one session per model as the service runs them.
/// The input is a drawn gradient with rings, already scaled: the figures are the model runs alone, not decoding or resizing.
/// </summary>
internal static class MediaBench
{
    public static Command Create()
    {
        var models = new Option<string>("--models") { Description = "Folder holding the converted models and manifest.json.", DefaultValueFactory = _ => Path.Combine("models", "media") };
        var provider = new Option<ExecutionProviderKind>("--provider") { Description = "Where the models run: Cpu, Cuda or Auto (CUDA when the native build has it).", DefaultValueFactory = _ => ExecutionProviderKind.Cpu };
        var batches = new Option<int[]>("--batch") { Description = "Batch sizes to time.", DefaultValueFactory = _ => [1, 32], AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double>("--seconds") { Description = "The least wall time each measurement runs for, after one warm-up run.", DefaultValueFactory = _ => 5 };
        var only = new Option<string[]>("--model") { Description = "Only these models (default: every model in the manifest).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("media", "Images a second per converted media model (ONNX Runtime), at batch 1 and 32.") { models, provider, batches, seconds, only };
        command.SetAction(result => Run(result.GetValue(models)!, result.GetValue(provider), result.GetValue(batches)!, result.GetValue(seconds), result.GetValue(only) ?? []));
        return command;
    }

    private static int Run(string folder, ExecutionProviderKind provider, int[] batches, double seconds, string[] only)
    {
        if (batches.Length == 0 || batches.Any(b => b < 1) || seconds <= 0)
        {
            System.Console.Error.WriteLine("katalyst bench media: --batch needs sizes of at least 1 and --seconds must be positive.");
            return 2;
        }

        var manifest = ConvertedModelManifest.ReadOrEmpty(folder);
        var names = only.Length > 0 ? only : [.. manifest.Models.Select(m => m.Name).Where(n => MediaModels.All.Any(m => m.Name == n))];
        if (names.Length == 0)
        {
            System.Console.Error.WriteLine($"katalyst bench media: {Path.Combine(folder, ConvertedModelManifest.FileName)} lists no media model: run 'katalyst models convert'.");
            return 2;
        }

        var culture = CultureInfo.InvariantCulture;
        System.Console.WriteLine(string.Create(culture, $"{Environment.ProcessorCount} logical cores; ONNX Runtime's default threads; wall time over at least {seconds} s per row after one warm-up run."));
        System.Console.WriteLine("| model | input | provider | batch | ms per run | images/s | CPU ms per image |");
        System.Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var name in names)
        {
            string path;
            try
            {
                path = manifest.Verified(folder, name);
            }
            catch (InvalidDataException ex)
            {
                System.Console.Error.WriteLine($"katalyst bench media: {ex.Message}");
                return 1;
            }

            using var session = OnnxModelSession.FromFile(path, new ExecutionProviderOptions { Provider = provider }, NullLogger.Instance);
            // Every media model has one NHWC input, [N, side, side, 3].
            var (input, metadata) = session.InputMetadata.Single();
            var side = metadata.Dimensions[1];
            foreach (var batch in batches)
            {
                var (wallMs, cpuMs) = Time(session, input, batch, side, TimeSpan.FromSeconds(seconds));
                System.Console.WriteLine(string.Create(culture,
                    $"| {name} | {side}x{side}x3 | {session.ExecutionProvider} | {batch} | {wallMs:F1} | {batch * 1000 / wallMs:F1} | {cpuMs / batch:F1} |"));
            }
        }

        return 0;
    }

    private static (double WallMs, double CpuMs) Time(OnnxModelSession session, string input, int batch, int side, TimeSpan least)
    {
        var data = new float[batch * side * side * 3];
        for (var i = 0; i < data.Length; i++)
        {
            var pixel = i / 3 % (side * side);
            var (x, y) = (pixel % side, pixel / side);
            data[i] = ((x * 255 / side + (x - side / 2) * (y - side / 2) / 16 * (i % 3 + 1)) & 255) / 255f;
        }

        using var value = OrtValue.CreateTensorValueFromMemory(data, [batch, side, side, 3]);
        var outputs = session.OutputMetadata.Keys.ToArray();
        void RunOnce()
        {
            using var results = session.Run([input], [value], outputs);
        }

        RunOnce();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStarted = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var runs = 0;
        do
        {
            RunOnce();
            runs++;
        }
        while (watch.Elapsed < least);

        process.Refresh();
        return (watch.Elapsed.TotalMilliseconds / runs, (process.TotalProcessorTime - cpuStarted).TotalMilliseconds / runs);
    }
}
