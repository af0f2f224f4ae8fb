namespace Katalyst.Synthetic.Media;

/// <summary>How a near-duplicate differs from its known original.</summary>
internal enum NearDuplicateKind
{
    Resized,
    Reencoded,
    Cropped,
    Recoloured,
}

/// <summary>
/// Makes near-duplicates of known pictures, the copies perceptual matching is meant to find: resized with area
/// averaging (50 % to 133 %), re-encoded at another JPEG quality, cropped slightly (0.8 % to 1.2 % of the width and of the height,
/// shared unevenly between its two edges) or recoloured (red lifted and blue lowered by 8 % to 16 % of their range). Their exact hashes differ from the
/// original's; their PDQ stays within the default radius of 31 (tests check every kind on the planner's own choices).
/// </summary>
/// <remarks>
/// The resize is written here, not taken from SkiaSharp: the generator promises the same bytes for a seed on every
/// machine (file hashes are its truth), and Skia's resampling runs CPU-specific vector code that does not promise
/// bit-identical output across processors. Exact box (area) resampling in integers is short and exact everywhere.
/// </remarks>
internal static class NearDuplicate
{
    /// <summary>The encoded bytes of a near-duplicate of <paramref name="original"/>.</summary>
    public static byte[] Render(KnownImage original, NearDuplicateKind kind, int amount, ImageEncoding encoding, int jpegQuality) =>
        ImageEncoder.Encode(Apply(Painter.Paint(original.Spec), kind, amount), encoding, jpegQuality);

    /// <summary>Applies <paramref name="kind"/> to <paramref name="source"/>; amount (0..99) sets its strength.</summary>
    public static Pixels Apply(Pixels source, NearDuplicateKind kind, int amount) => kind switch
    {
        NearDuplicateKind.Resized => Resize(source, ResizePercent(amount)),
        NearDuplicateKind.Cropped => Crop(source, 8 + (amount % 5), 1 + (amount / 5 % 3)),
        NearDuplicateKind.Recoloured => Recolour(source, 20 + (amount % 21)),
        _ => source,
    };

    // 50..133 %, never 100 (a same-size "resize" would be an exact copy); 133 % keeps the largest pool picture within 512.
    private static int ResizePercent(int amount)
    {
        var percent = 50 + (amount * 83 / 99);
        return percent == 100 ? 101 : percent;
    }

    /// <summary>Exact area-averaging (box) resampling: each output pixel is the mean of the source area it covers.</summary>
    internal static Pixels Resize(Pixels s, int percent)
    {
        var w = Math.Max(16, s.Width * percent / 100);
        var h = Math.Max(16, s.Height * percent / 100);
        var columns = Weights(s.Width, w);
        var rows = Weights(s.Height, h);

        // Horizontal pass: sums weighted by overlap in units of 1/w of a source pixel (each output's weights total s.Width).
        var across = new long[w * s.Height * 3];
        for (var y = 0; y < s.Height; y++)
        {
            for (var x = 0; x < w; x++)
            {
                foreach (var (index, weight) in columns[x])
                {
                    for (var c = 0; c < 3; c++)
                    {
                        across[(((y * w) + x) * 3) + c] += s.Rgb[(((y * s.Width) + index) * 3) + c] * (long)weight;
                    }
                }
            }
        }

        var total = (long)s.Width * s.Height;
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            for (var i = 0; i < w * 3; i++)
            {
                long sum = 0;
                foreach (var (index, weight) in rows[y])
                {
                    sum += across[(index * w * 3) + i] * weight;
                }

                rgb[(y * w * 3) + i] = (byte)((sum + (total / 2)) / total);
            }
        }

        return new Pixels(w, h, rgb);
    }

    // For each of n output positions, the source positions it covers and by how much: output x spans [x * from, (x + 1) * from)
    // and source i spans [i * n, (i + 1) * n), both in units of 1/n of a source pixel; the overlaps of one output total from.
    private static (int Index, int Weight)[][] Weights(int from, int n)
    {
        var weights = new (int, int)[n][];
        for (var x = 0; x < n; x++)
        {
            var (start, end) = (x * from, (x + 1) * from);
            var list = new List<(int, int)>();
            for (var i = start / n; i * n < end; i++)
            {
                var overlap = Math.Min(end, (i + 1) * n) - Math.Max(start, i * n);
                if (overlap > 0)
                {
                    list.Add((i, overlap));
                }
            }

            weights[x] = [.. list];
        }

        return weights;
    }

    // Removes perMille of the width and of the height; quarters (1..3) of each cut come off the left and top edges.
    private static Pixels Crop(Pixels s, int perMille, int quarters)
    {
        var cutX = Math.Max(1, s.Width * perMille / 1000);
        var cutY = Math.Max(1, s.Height * perMille / 1000);
        var left = cutX * quarters / 4;
        var top = cutY * (4 - quarters) / 4;
        var w = s.Width - cutX;
        var h = s.Height - cutY;
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            Array.Copy(s.Rgb, (((y + top) * s.Width) + left) * 3, rgb, y * w * 3, w * 3);
        }

        return new Pixels(w, h, rgb);
    }

    // Lifts red towards full and lowers blue towards none by shift/255 of the way: a colour cast that never clips, so the
    // picture's light and dark parts keep their order (clipping flattened textured highlights unevenly).
    private static Pixels Recolour(Pixels s, int shift)
    {
        var rgb = new byte[s.Rgb.Length];
        for (var i = 0; i < rgb.Length; i += 3)
        {
            rgb[i] = (byte)(s.Rgb[i] + ((255 - s.Rgb[i]) * shift / 255));
            rgb[i + 1] = s.Rgb[i + 1];
            rgb[i + 2] = (byte)(s.Rgb[i + 2] - (s.Rgb[i + 2] * shift / 255));
        }

        return new Pixels(s.Width, s.Height, rgb);
    }
}
