using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Media;

/// <summary>
/// Draws benign abstract pictures (gradients, circles, stripes, checkerboards, simple shapes, smooth noise) with
/// integer arithmetic only, so the same spec gives the same pixels on every machine. Every pattern is drawn at a scale
/// relative to each axis (at most about eight cycles across, as PDQ sees every picture as a 64 x 64 grid and keeps a
/// 16 x 16 DCT), carries a coarse value-noise texture and is softened at pixel scale, so PDQ sees structure at the
/// frequencies it hashes: a flat gradient or fine stripes blur to almost nothing in PDQ's grid (quality below 50), and
/// sharp or fine detail aliases in its sampling, so that a crop of a pixel moved the hash by 40 bits or more.
/// </summary>
internal static class Painter
{
    public static Pixels Paint(PictureSpec spec)
    {
        var rng = new Random(spec.Seed);
        var (w, h) = (spec.Width, spec.Height);
        var side = Math.Min(w, h);
        var rgb = new byte[w * h * 3];
        var a = Colour(rng);
        var b = Contrasting(rng, a);
        switch (spec.Pattern)
        {
            case Pattern.Gradient:
                Gradient(rgb, w, h, a, b, rng.Next(-3, 4), rng.Next(1, 4));
                break;
            case Pattern.Stripes:
                // Positions in 1/256ths of the width and of the height, so the stripes' frequency is the same in PDQ's grid
                // (64 x 64 whatever the aspect); at most eight stripes along either axis, within the band PDQ's 16 x 16 DCT keeps.
                var (dx, dy) = (rng.Next(-2, 3), rng.Next(1, 3));
                var period = rng.Next(32, 86) * Math.Max(Math.Abs(dx), dy);
                Fill(rgb, w, h, (x, y) => (((((x * dx * 256) / w) + ((y * dy * 256) / h) + 1024) / period) & 1) == 0 ? a : b);
                break;
            case Pattern.Checkerboard:
                var cells = rng.Next(3, 9);
                Fill(rgb, w, h, (x, y) => (((x * cells / w) + (y * cells / h)) & 1) == 0 ? a : b);
                break;
            case Pattern.Circles:
                Gradient(rgb, w, h, a, b, 1, 1);
                for (var i = rng.Next(3, 9); i > 0; i--)
                {
                    Disc(rgb, w, h, rng.Next(w), rng.Next(h), rng.Next(Math.Max(4, side / 10), Math.Max(5, side / 3)), Colour(rng));
                }

                break;
            case Pattern.Shapes:
                Fill(rgb, w, h, (_, _) => a);
                for (var i = rng.Next(3, 8); i > 0; i--)
                {
                    var (x0, y0) = (rng.Next(w), rng.Next(h));
                    Rectangle(rgb, w, h, x0, y0, x0 + rng.Next(w / 8, (w / 2) + 5), y0 + rng.Next(h / 8, (h / 2) + 5), Colour(rng));
                }

                break;
            default:
                Noise(rgb, w, h, rng, a, b);
                break;
        }

        PictureTexture.Texture(rgb, w, h, rng);
        PictureTexture.Soften(rgb, w, h, Math.Max(1, w / 32), Math.Max(1, h / 32));
        return new Pixels(w, h, rgb);
    }

    private static (byte R, byte G, byte B) Colour(Random rng) =>
        ((byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256));

    // A colour whose luminance differs from a's by at least a quarter of the range, so a two-colour pattern is not
    // flat to PDQ (which hashes luminance only) and a recolouring does not wash it out.
    private static (byte R, byte G, byte B) Contrasting(Random rng, (byte R, byte G, byte B) a)
    {
        while (true)
        {
            var b = Colour(rng);
            if (Math.Abs(Luma(a) - Luma(b)) >= 64)
            {
                return b;
            }
        }
    }

    private static int Luma((byte R, byte G, byte B) c) => ((299 * c.R) + (587 * c.G) + (114 * c.B)) / 1000;

    private static void Set(byte[] rgb, int i, (byte R, byte G, byte B) c)
    {
        rgb[i] = c.R;
        rgb[i + 1] = c.G;
        rgb[i + 2] = c.B;
    }

    private static void Fill(byte[] rgb, int w, int h, Func<int, int, (byte, byte, byte)> colourAt)
    {
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                Set(rgb, ((y * w) + x) * 3, colourAt(x, y));
            }
        }
    }

    private static (byte, byte, byte) Mix((byte R, byte G, byte B) a, (byte R, byte G, byte B) b, int t, int scale) =>
        ((byte)(a.R + ((b.R - a.R) * t / scale)), (byte)(a.G + ((b.G - a.G) * t / scale)), (byte)(a.B + ((b.B - a.B) * t / scale)));

    private static void Gradient(byte[] rgb, int w, int h, (byte, byte, byte) a, (byte, byte, byte) b, int dx, int dy)
    {
        var min = Math.Min(0, dx * (w - 1)) + Math.Min(0, dy * (h - 1));
        var max = Math.Max(0, dx * (w - 1)) + Math.Max(0, dy * (h - 1));
        var scale = Math.Max(1, max - min);
        Fill(rgb, w, h, (x, y) => Mix(a, b, (x * dx) + (y * dy) - min, scale));
    }

    private static void Disc(byte[] rgb, int w, int h, int cx, int cy, int r, (byte, byte, byte) c)
    {
        for (var y = Math.Max(0, cy - r); y < Math.Min(h, cy + r + 1); y++)
        {
            for (var x = Math.Max(0, cx - r); x < Math.Min(w, cx + r + 1); x++)
            {
                if (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= r * r)
                {
                    Set(rgb, ((y * w) + x) * 3, c);
                }
            }
        }
    }

    private static void Rectangle(byte[] rgb, int w, int h, int x0, int y0, int x1, int y1, (byte, byte, byte) c)
    {
        for (var y = y0; y < Math.Min(h, y1); y++)
        {
            for (var x = x0; x < Math.Min(w, x1); x++)
            {
                Set(rgb, ((y * w) + x) * 3, c);
            }
        }
    }

    /// <summary>Value noise between two colours: random levels on a coarse grid, bilinearly interpolated.</summary>
    private static void Noise(byte[] rgb, int w, int h, Random rng, (byte, byte, byte) a, (byte, byte, byte) b)
    {
        var features = rng.Next(4, 9);
        var field = PictureTexture.ValueNoise(w, h, rng, Math.Max(6, w / features), Math.Max(6, h / features));
        Fill(rgb, w, h, (x, y) => Mix(a, b, field[(y * w) + x], 255));
    }

    /// <summary>A random picture spec no larger than <paramref name="maxSide"/> and no smaller than <paramref name="minSide"/>.</summary>
    public static PictureSpec RandomSpec(Random rng, int maxSide, int minSide = 64)
    {
        int[] sides = [64, 96, 128, 192, 256, 320, 384, 448, 512];
        var allowed = sides.Where(s => s <= maxSide && s >= minSide).ToArray();
        return new PictureSpec((Pattern)rng.Next(6), rng.Next(), rng.Pick(allowed), rng.Pick(allowed));
    }
}
