using System.CommandLine;
using System.Globalization;
using Katalyst.Media.Decoding;
using Katalyst.Media.Pdq;
using Microsoft.Extensions.Options;

namespace Katalyst.Cli.Pdq;

/// <summary>
/// <c>katalyst pdq FILE...</c>: the PDQ hash of each image, one <c>hash,quality,filename</c> line per file, as the
/// reference <c>pdq-photo-hasher</c> prints them (but hashed at full resolution, as Meta's HMA does, not pre-resized to
/// 512 x 512). <c>--dihedral</c> prints eight such lines per file, in the reference's <c>--pdqdih</c> order.
/// </summary>
internal static class PdqCommand
{
    /// <summary>Exit code when every file was hashed.</summary>
    public const int Success = 0;

    /// <summary>Exit code when at least one file could not be read or decoded (the others are still printed).</summary>
    public const int SomeFileFailed = 1;

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Images to hash: JPEG, PNG, GIF (first frame), BMP or WebP.", Arity = ArgumentArity.OneOrMore };
        var dihedral = new Option<bool>("--dihedral")
        {
            Description = "Print the eight dihedral hashes of each file, one line each, in this order: original, rotate90, rotate180, rotate270, flipX, flipY, flipPlus1, flipMinus1.",
        };
        var maxPixels = new Option<long>("--max-pixels")
        {
            Description = "Refuse images whose header declares more pixels than this (before decoding).",
            DefaultValueFactory = _ => new ImageDecodingOptions().MaxPixels,
        };
        var command = new Command("pdq", "PDQ perceptual hashes of images: hash,quality,filename per file (quality 49 or less: no usable hash).")
        {
            files,
            dihedral,
            maxPixels,
        };
        command.SetAction(result => Run(result.GetValue(files)!, result.GetValue(dihedral), result.GetValue(maxPixels)));
        return command;
    }

    private static int Run(string[] files, bool dihedral, long maxPixels)
    {
        ImageDecoder decoder;
        try
        {
            decoder = new ImageDecoder(Options.Create(new ImageDecodingOptions { MaxPixels = maxPixels }));
        }
        catch (OptionsValidationException e)
        {
            System.Console.Error.WriteLine($"katalyst pdq: --max-pixels: {e.Message}");
            return 2;
        }

        var exit = Success;
        // Files are hashed side by side, one per core, and printed in the order given.
        var lines = files.AsParallel().AsOrdered().WithDegreeOfParallelism(Environment.ProcessorCount).Select(file => Hash(decoder, file, dihedral));
        foreach (var (output, error) in lines)
        {
            if (error is not null)
            {
                System.Console.Error.WriteLine($"katalyst pdq: {error}");
                exit = SomeFileFailed;
            }
            else
            {
                System.Console.Out.Write(output);
            }
        }

        return exit;
    }

    private static (string? Output, string? Error) Hash(ImageDecoder decoder, string file, bool dihedral)
    {
        try
        {
            using var image = decoder.Decode(file);
            if (!dihedral)
            {
                var result = PdqHasher.Hash(image.Pixels);
                return (Line(result.Hash, result.Quality, file), null);
            }

            var variants = PdqHasher.HashDihedral(image.Pixels);
            return (string.Concat(variants.Hashes.Select(hash => Line(hash, variants.Quality, file))), null);
        }
        catch (ImageDecodingException e)
        {
            return (null, e.Message);
        }
    }

    private static string Line(PdqHash hash, int quality, string file) => string.Create(CultureInfo.InvariantCulture, $"{hash},{quality},{file}\n");
}
