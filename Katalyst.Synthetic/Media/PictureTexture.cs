namespace Katalyst.Synthetic.Media;

/// <summary>
/// What makes the painter's pictures hashable by PDQ: a value-noise luminance texture and a pixel-scale softening, in
/// integers only (the same bytes on every machine).
/// </summary>
internal static class PictureTexture
{
    /// <summary>
    /// Adds a luminance texture (two octaves of value noise, a fifth and a fourteenth of each axis, up to about ±90 levels) to every channel, so that every
    /// picture has detail at PDQ's scale whatever its pattern.
    /// </summary>
    public static void Texture(byte[] rgb, int w, int h, Random rng)
    {
        var coarse = ValueNoise(w, h, rng, Math.Max(6, w / 5), Math.Max(6, h / 5));
        var fine = ValueNoise(w, h, rng, Math.Max(4, w / 14), Math.Max(4, h / 14));
        for (var p = 0; p < w * h; p++)
        {
            var delta = ((coarse[p] - 128) * 4 / 10) + ((fine[p] - 128) / 3);
            for (var c = 0; c < 3; c++)
            {
                rgb[(p * 3) + c] = (byte)Math.Clamp(rgb[(p * 3) + c] + delta, 0, 255);
            }
        }
    }

    /// <summary>
    /// A box blur a 32nd of each axis wide either side, across then down (integers only). PDQ keeps frequencies up to 8
    /// cycles across; this blur's first null is at 16, so detail PDQ keeps stays while finer detail, which would alias
    /// in PDQ's 64 x 64 sampling (a one-pixel crop then moved the hash by 40 bits), goes. A wider blur (a 20th) flattened
    /// the kept band too: hashes of quality below 50 and more bits flipped by JPEG.
    /// </summary>
    public static void Soften(byte[] rgb, int w, int h, int radiusX, int radiusY)
    {
        var copy = new byte[rgb.Length];
        BoxPass(rgb, copy, w, h, radiusX, 3, w * 3);
        BoxPass(copy, rgb, h, w, radiusY, w * 3, 3);
    }

    // Averages each run of `length` pixels (`step` bytes apart; `lines` runs, `lineStep` bytes apart) over a window of
    // 2 * radius + 1, clamped at the ends.
    private static void BoxPass(byte[] from, byte[] to, int length, int lines, int radius, int step, int lineStep)
    {
        for (var line = 0; line < lines; line++)
        {
            for (var c = 0; c < 3; c++)
            {
                var start = (line * lineStep) + c;
                for (var i = 0; i < length; i++)
                {
                    var (lo, hi) = (Math.Max(0, i - radius), Math.Min(length - 1, i + radius));
                    var sum = 0;
                    for (var j = lo; j <= hi; j++)
                    {
                        sum += from[start + (j * step)];
                    }

                    to[start + (i * step)] = (byte)(sum / (hi - lo + 1));
                }
            }
        }
    }

    /// <summary>Levels 0..255 on a grid of <paramref name="sx"/> x <paramref name="sy"/> pixel cells, bilinearly interpolated (integers only).</summary>
    public static int[] ValueNoise(int w, int h, Random rng, int sx, int sy)
    {
        var gw = (w / sx) + 2;
        var gh = (h / sy) + 2;
        var grid = new int[gw * gh];
        for (var i = 0; i < grid.Length; i++)
        {
            grid[i] = rng.Next(256);
        }

        var field = new int[w * h];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                int gx = x / sx, gy = y / sy, fx = x % sx, fy = y % sy;
                var top = (grid[(gy * gw) + gx] * (sx - fx)) + (grid[(gy * gw) + gx + 1] * fx);
                var bottom = (grid[((gy + 1) * gw) + gx] * (sx - fx)) + (grid[((gy + 1) * gw) + gx + 1] * fx);
                field[(y * w) + x] = ((top * (sy - fy)) + (bottom * fy)) / (sx * sy);
            }
        }

        return field;
    }
}
