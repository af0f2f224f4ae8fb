using System.Buffers;

namespace Katalyst.Media.Text;

/// <summary>
/// PaddleOCR's DB post-process as a pure function: the probability map is thresholded (<see cref="TextDetectionOptions.PixelThreshold"/>),
/// its 8-connected regions found, each region's bounding box scored by the mean probability inside it (PaddleOCR's "fast" box
/// score) and dropped below <see cref="TextDetectionOptions.BoxThreshold"/> or <see cref="TextDetectionOptions.MinSide"/>, then grown
/// by the unclip distance (area x ratio / perimeter) because DB predicts shrunk text kernels, and scaled to the image.
/// Boxes are axis-aligned (PaddleOCR fits a rotated rectangle; for scoring "text present" and cropping for OCR an upright box serves).
/// </summary>
internal static class DbPostProcess
{
    /// <summary>The regions of one probability map of <paramref name="mapWidth"/> x <paramref name="mapHeight"/> for an image of <paramref name="imageWidth"/> x <paramref name="imageHeight"/>.</summary>
    public static IReadOnlyList<TextRegion> Regions(ReadOnlySpan<float> map, int mapWidth, int mapHeight, int imageWidth, int imageHeight, TextDetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (map.Length < mapWidth * mapHeight)
        {
            throw new ArgumentException($"A {mapWidth} x {mapHeight} probability map needs {mapWidth * mapHeight} values, not {map.Length}.", nameof(map));
        }

        var components = Components(map, mapWidth, mapHeight, options.PixelThreshold);
        var (scaleX, scaleY) = ((double)imageWidth / mapWidth, (double)imageHeight / mapHeight);
        var regions = new List<TextRegion>();
        foreach (var c in components.OrderByDescending(c => c.Pixels).Take(options.MaxRegions))
        {
            var (width, height) = (c.MaxX - c.MinX + 1, c.MaxY - c.MinY + 1);
            if (Math.Min(width, height) < options.MinSide)
            {
                continue;
            }

            var score = MeanInBox(map, mapWidth, c);
            if (score < options.BoxThreshold)
            {
                continue;
            }

            var grow = options.UnclipRatio * width * height / (2.0 * (width + height));
            var (left, top, right, bottom) = (c.MinX - grow, c.MinY - grow, c.MaxX + 1 + grow, c.MaxY + 1 + grow);
            if (options.UnclipRatio > 0 && Math.Min(right - left, bottom - top) < options.MinSide + 2)
            {
                continue;
            }

            var x0 = (int)Math.Clamp(Math.Floor(left * scaleX), 0, imageWidth - 1);
            var y0 = (int)Math.Clamp(Math.Floor(top * scaleY), 0, imageHeight - 1);
            var x1 = (int)Math.Clamp(Math.Ceiling(right * scaleX), x0 + 1, imageWidth);
            var y1 = (int)Math.Clamp(Math.Ceiling(bottom * scaleY), y0 + 1, imageHeight);
            regions.Add(new TextRegion(x0, y0, x1 - x0, y1 - y0, score));
        }

        regions.Sort((a, b) => a.Y != b.Y ? a.Y.CompareTo(b.Y) : a.X.CompareTo(b.X));
        return regions;
    }

    private static float MeanInBox(ReadOnlySpan<float> map, int mapWidth, Component c)
    {
        double sum = 0;
        for (var y = c.MinY; y <= c.MaxY; y++)
        {
            foreach (var p in map.Slice((y * mapWidth) + c.MinX, c.MaxX - c.MinX + 1))
            {
                sum += p;
            }
        }

        return (float)(sum / ((c.MaxX - c.MinX + 1) * (c.MaxY - c.MinY + 1)));
    }

    // 8-connected regions of the pixels above the threshold, by flood fill over an explicit stack (no recursion).
    private static List<Component> Components(ReadOnlySpan<float> map, int width, int height, float threshold)
    {
        var size = width * height;
        var seen = ArrayPool<bool>.Shared.Rent(size);
        var stack = ArrayPool<int>.Shared.Rent(size);
        try
        {
            Array.Clear(seen, 0, size);
            var components = new List<Component>();
            for (var start = 0; start < size; start++)
            {
                if (seen[start] || map[start] <= threshold)
                {
                    continue;
                }

                var c = new Component { MinX = int.MaxValue, MinY = int.MaxValue, MaxX = -1, MaxY = -1 };
                var top = 0;
                stack[top++] = start;
                seen[start] = true;
                while (top > 0)
                {
                    var p = stack[--top];
                    var (x, y) = (p % width, p / width);
                    c.Add(x, y);
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var (nx, ny) = (x + dx, y + dy);
                            if ((uint)nx >= (uint)width || (uint)ny >= (uint)height)
                            {
                                continue;
                            }

                            var n = (ny * width) + nx;
                            if (!seen[n] && map[n] > threshold)
                            {
                                seen[n] = true;
                                stack[top++] = n;
                            }
                        }
                    }
                }

                components.Add(c);
            }

            return components;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(seen);
            ArrayPool<int>.Shared.Return(stack);
        }
    }

    private sealed class Component
    {
        public int MinX { get; set; }

        public int MinY { get; set; }

        public int MaxX { get; set; }

        public int MaxY { get; set; }

        public int Pixels { get; private set; }

        public void Add(int x, int y)
        {
            (MinX, MinY, MaxX, MaxY) = (Math.Min(MinX, x), Math.Min(MinY, y), Math.Max(MaxX, x), Math.Max(MaxY, y));
            Pixels++;
        }
    }
}
