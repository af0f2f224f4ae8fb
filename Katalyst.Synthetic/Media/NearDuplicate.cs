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
/// Makes near-duplicates of known pictures: resized, re-encoded at another quality, slightly cropped or
/// recoloured. Their exact hashes differ from the original; perceptual matching should still find them.
/// </summary>
internal static class NearDuplicate
{
    /// <summary>Applies <paramref name="kind"/> to <paramref name="source"/>; amount (0..99) sets its strength.</summary>
    public static Pixels Apply(Pixels source, NearDuplicateKind kind, int amount) => kind switch
    {
        NearDuplicateKind.Resized => Resize(source, 50 + (amount % 45)),
        NearDuplicateKind.Cropped => Crop(source, 2 + (amount % 7)),
        NearDuplicateKind.Recoloured => Recolour(source, 8 + (amount % 30)),
        _ => source,
    };

    private static Pixels Resize(Pixels s, int percent)
    {
        var w = Math.Max(16, s.Width * percent / 100);
        var h = Math.Max(16, s.Height * percent / 100);
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            var sy = y * s.Height / h;
            for (var x = 0; x < w; x++)
            {
                var sx = x * s.Width / w;
                Array.Copy(s.Rgb, ((sy * s.Width) + sx) * 3, rgb, ((y * w) + x) * 3, 3);
            }
        }

        return new Pixels(w, h, rgb);
    }

    private static Pixels Crop(Pixels s, int percent)
    {
        var mx = s.Width * percent / 100;
        var my = s.Height * percent / 100;
        var w = s.Width - (2 * mx);
        var h = s.Height - (2 * my);
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        {
            Array.Copy(s.Rgb, (((y + my) * s.Width) + mx) * 3, rgb, y * w * 3, w * 3);
        }

        return new Pixels(w, h, rgb);
    }

    private static Pixels Recolour(Pixels s, int shift)
    {
        var rgb = new byte[s.Rgb.Length];
        for (var i = 0; i < rgb.Length; i += 3)
        {
            rgb[i] = (byte)Math.Min(255, s.Rgb[i] + shift);
            rgb[i + 1] = s.Rgb[i + 1];
            rgb[i + 2] = (byte)Math.Max(0, s.Rgb[i + 2] - shift);
        }

        return new Pixels(s.Width, s.Height, rgb);
    }
}
