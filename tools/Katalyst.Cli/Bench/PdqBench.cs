using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;
using SkiaSharp;

namespace Katalyst.Cli.Bench;

/// <summary>
/// <c>katalyst bench pdq</c>: PDQ images a second on one core, for a 1024 x 1024 and a 4000 x 3000 JPEG drawn here
/// (benign shapes over a gradient with noise), decode plus hash and hash alone, beside the reference C++ figures
/// measured on this machine (shared/spec/pdq.md 5.3).
/// </summary>
internal static class PdqBench
{
    // Reference C++ core on full-resolution pixels, single thread (pdq.md 5.3), and djpeg's decode time (same table).
    private static readonly (int Width, int Height, double HashMs, double DecodeMs)[] Sizes = [(1024, 1024, 53, 13), (4000, 3000, 958, 97)];

    public static Command Create()
    {
        var repeat = new Option<int>("--repeat") { Description = "The fewest timed runs of each measurement (each also runs for at least --seconds of CPU).", DefaultValueFactory = _ => 10 };
        var seconds = new Option<double>("--seconds") { Description = "The least CPU time each measurement runs for.", DefaultValueFactory = _ => 2 };
        var command = new Command("pdq", "PDQ images a second per core on drawn 1024x1024 and 4000x3000 JPEGs: decode+hash and hash alone.") { repeat, seconds };
        command.SetAction(result => Run(result.GetValue(repeat), TimeSpan.FromSeconds(result.GetValue(seconds))));
        return command;
    }

    private static int Run(int repeat, TimeSpan least)
    {
        if (repeat < 1 || least < TimeSpan.Zero)
        {
            System.Console.Error.WriteLine("katalyst bench pdq: --repeat must be at least 1 and --seconds not negative.");
            return 2;
        }

        var decoder = new ImageDecoder();
        var culture = CultureInfo.InvariantCulture;
        System.Console.WriteLine("One thread; CPU time per image (images/s per core), averaged over at least " + repeat.ToString(culture) + " runs and " + least.TotalSeconds.ToString(culture) + " s after warm-up.");
        System.Console.WriteLine("| image | step | Katalyst CPU ms | Katalyst images/s | reference C++ ms | reference images/s | speed-up |");
        System.Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (width, height, referenceHashMs, referenceDecodeMs) in Sizes)
        {
            var jpeg = DrawJpeg(width, height);
            using var decoded = decoder.Decode(jpeg, "drawn.jpg");
            var hashMs = CpuMsPerRun(repeat, least, () => PdqHasher.Hash(decoded.Pixels));
            var decodeMs = CpuMsPerRun(repeat, least, () => decoder.Decode(jpeg, "drawn.jpg").Dispose());
            var bothMs = CpuMsPerRun(repeat, least, () =>
            {
                using var image = decoder.Decode(jpeg, "drawn.jpg");
                PdqHasher.Hash(image.Pixels);
            });
            var dihedralMs = CpuMsPerRun(repeat, least, () => PdqHasher.HashDihedral(decoded.Pixels));
            var name = $"{width}x{height} JPEG ({jpeg.Length / 1024:N0} KiB)";
            Row(name, "hash", hashMs, referenceHashMs);
            Row(name, "hash, 8 dihedral", dihedralMs, referenceHashMs);
            Row(name, "decode", decodeMs, referenceDecodeMs);
            Row(name, "decode + hash", bothMs, referenceHashMs + referenceDecodeMs);
        }

        System.Console.WriteLine("Reference decode + hash = djpeg (libjpeg-turbo, process included) + the C++ core at full resolution; the reference tool itself");
        System.Console.WriteLine("decodes through ImageMagick and pre-resizes to 512x512, so its end-to-end figures (62 ms, 357 ms) hash fewer pixels.");
        return 0;

        void Row(string name, string step, double ms, double referenceMs) => System.Console.WriteLine(string.Create(culture,
            $"| {name} | {step} | {ms:F1} | {1000 / ms:F1} | {referenceMs:F0} | {1000 / referenceMs:F1} | {referenceMs / ms:F1}x |"));
    }

    // CPU milliseconds (this process's, all threads) per image over a batch of at least `repeat` runs and `least` CPU time: on a machine shared with other work, CPU time is what one core spends (wall time would count the time other
    // processes held the core), and Linux counts it in 10 ms ticks, so single runs are too short to time one by one.
    private static double CpuMsPerRun(int repeat, TimeSpan least, Action action)
    {
        for (var i = 0; i < 3; i++)
        {
            action(); // warm-up: tiered compilation reaches its optimised code
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var started = process.TotalProcessorTime;
        var runs = 0;
        TimeSpan spent;
        do
        {
            action();
            runs++;
            process.Refresh();
            spent = process.TotalProcessorTime - started;
        }
        while (runs < repeat || spent < least);

        return spent.TotalMilliseconds / runs;
    }

    // A photo-like test card: a colour gradient, shapes, and noise so the JPEG has real detail to decode.
    private static byte[] DrawJpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var gradient = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(30, 90, 160), new SKColor(230, 200, 120), new SKColor(60, 140, 70)], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = gradient };
            canvas.DrawRect(0, 0, width, height, paint);
            paint.Shader = null;
            paint.IsAntialias = true;
            var random = new Random(1024);
            for (var i = 0; i < 60; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 200);
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(width / 40, width / 8), paint);
            }
        }

        var pixels = bitmap.GetPixelSpan();
        var noise = new Random(7);
        for (var p = 0; p < pixels.Length; p += 4)
        {
            var delta = noise.Next(-12, 13);
            for (var c = 0; c < 3; c++)
            {
                pixels[p + c] = (byte)Math.Clamp(pixels[p + c] + delta, 0, 255);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
