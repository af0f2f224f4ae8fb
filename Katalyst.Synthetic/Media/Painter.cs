using Katalyst.Synthetic.Sampling;

namespace Katalyst.Synthetic.Media;

/// <summary>
/// Draws benign abstract pictures (gradients, circles, stripes, checkerboards, simple shapes, smooth noise)
/// with integer arithmetic only, so the same spec gives the same pixels on every machine.
/// </summary>
internal static class Painter
{
    public static Pixels Paint(PictureSpec spec)
    {
        var rng = new Random(spec.Seed);
        var (w, h) = (spec.Width, spec.Height);
        var rgb = new byte[w * h * 3];
        var a = Colour(rng);
        var b = Colour(rng);
        switch (spec.Pattern)
        {
            case Pattern.Gradient:
                Gradient(rgb, w, h, a, b, rng.Next(-3, 4), rng.Next(1, 4));
                break;
            case Pattern.Stripes:
                var period = rng.Next(6, 40);
                var (dx, dy) = (rng.Next(-2, 3), rng.Next(1, 3));
                Fill(rgb, w, h, (x, y) => ((((x * dx) + (y * dy)) / period) & 1) == 0 ? a : b);
                break;
            case Pattern.Checkerboard:
                var cell = rng.Next(4, 48);
                Fill(rgb, w, h, (x, y) => (((x / cell) + (y / cell)) & 1) == 0 ? a : b);
                break;
            case Pattern.Circles:
                Gradient(rgb, w, h, a, b, 1, 1);
                for (var i = rng.Next(2, 9); i > 0; i--)
                {
                    Disc(rgb, w, h, rng.Next(w), rng.Next(h), rng.Next(4, Math.Max(5, Math.Min(w, h) / 3)), Colour(rng));
                }

                break;
            case Pattern.Shapes:
                Fill(rgb, w, h, (_, _) => a);
                for (var i = rng.Next(2, 8); i > 0; i--)
                {
                    var (x0, y0) = (rng.Next(w), rng.Next(h));
                    Rectangle(rgb, w, h, x0, y0, x0 + rng.Next(4, w / 2 + 5), y0 + rng.Next(4, h / 2 + 5), Colour(rng));
                }

                break;
            default:
                Noise(rgb, w, h, rng, a, b);
                break;
        }

        return new Pixels(w, h, rgb);
    }

    private static (byte R, byte G, byte B) Colour(Random rng) =>
        ((byte)rng.Next(256), (byte)rng.Next(256), (byte)rng.Next(256));

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

    /// <summary>Value noise: random levels on a coarse grid, bilinearly interpolated.</summary>
    private static void Noise(byte[] rgb, int w, int h, Random rng, (byte, byte, byte) a, (byte, byte, byte) b)
    {
        var step = rng.Next(8, 48);
        var gw = (w / step) + 2;
        var gh = (h / step) + 2;
        var grid = new int[gw * gh];
        for (var i = 0; i < grid.Length; i++)
        {
            grid[i] = rng.Next(256);
        }

        Fill(rgb, w, h, (x, y) =>
        {
            int gx = x / step, gy = y / step, fx = x % step, fy = y % step;
            var top = (grid[(gy * gw) + gx] * (step - fx)) + (grid[(gy * gw) + gx + 1] * fx);
            var bottom = (grid[((gy + 1) * gw) + gx] * (step - fx)) + (grid[((gy + 1) * gw) + gx + 1] * fx);
            return Mix(a, b, (top * (step - fy)) + (bottom * fy), 255 * step * step);
        });
    }

    public static PictureSpec RandomSpec(Random rng, int maxSide)
    {
        int[] sides = [64, 96, 128, 192, 256, 320, 384, 448, 512];
        var allowed = sides.Where(s => s <= maxSide).ToArray();
        return new PictureSpec((Pattern)rng.Next(6), rng.Next(), rng.Pick(allowed), rng.Pick(allowed));
    }
}
