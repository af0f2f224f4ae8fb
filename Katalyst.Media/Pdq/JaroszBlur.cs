using System.Buffers;

namespace Katalyst.Media.Pdq;

/// <summary>
/// The reference's blur and decimation: two Jarosz passes (a box filter along every row, then along every column, twice)
/// with windows <c>ceil(W / 128)</c> and <c>ceil(H / 128)</c>, then the 64 x 64 samples at the grid centres. Bit-identical
/// to the reference, but arranged for speed:
/// <list type="bullet">
/// <item>rows are filtered <see cref="StripRows"/> at a time, transposed into a strip so each SIMD lane is one row;</item>
/// <item>columns are filtered walking the image row by row, every column a lane (the reference walks each column with
/// stride W, which is what makes it slow), and each finished row feeds the second pass's row strips at once;</item>
/// <item>the second pass computes every running sum (they carry rounding) but divides and stores only at the sampled
/// columns, and the last column pass runs over those 64 columns only.</item>
/// </list>
/// </summary>
internal static class JaroszBlur
{
    /// <summary>Rows filtered together along their length: two Vector256 lanes' worth.</summary>
    internal const int StripRows = 16;

    /// <summary>The side of the decimated grid.</summary>
    internal const int Grid = 64;

    /// <summary>Upstream's window: <c>(old + 2*64 - 1) / (2*64)</c>, i.e. ceil(old / 128).</summary>
    internal static int Window(int length) => (length + (2 * Grid) - 1) / (2 * Grid);

    /// <summary>Upstream's sample index along a side: <c>(int)(((i + 0.5) * length) / 64)</c> in double.</summary>
    internal static int Sample(int i, int length) => (int)((i + 0.5) * length / Grid);

    /// <summary>Blurs the luminance of a width x height image and writes the 64 x 64 samples, row-major, to <paramref name="grid"/>.</summary>
    public static void BlurAndDecimate<TSource>(scoped in TSource source, int width, int height, Span<float> grid)
        where TSource : ILumaSource, allows ref struct
    {
        var plane = width * height;
        var rowsFiltered = ArrayPool<float>.Shared.Rent(plane);
        var strip = ArrayPool<float>.Shared.Rent(width * StripRows);
        var filtered = ArrayPool<float>.Shared.Rent(width * StripRows);
        var row = ArrayPool<float>.Shared.Rent(Math.Max(width, Grid));
        var columnSums = ArrayPool<float>.Shared.Rent(width);
        var stripSums = ArrayPool<float>.Shared.Rent(Math.Max(StripRows, Grid));
        var sampledColumns = ArrayPool<float>.Shared.Rent(height * Grid);
        var sampledRows = ArrayPool<float>.Shared.Rent(Grid * Grid);
        try
        {
            var rowWindow = Window(width);
            var columnWindow = Window(height);
            var (columnSlots, columnOf) = SampleSlots(width);
            var (rowSlots, rowOf) = SampleSlots(height);

            // Pass 1, rows: the luminance, a strip of rows at a time, into `rowsFiltered`.
            for (var top = 0; top < height; top += StripRows)
            {
                var rows = Math.Min(StripRows, height - top);
                for (var k = 0; k < StripRows; k++)
                {
                    var luma = row.AsSpan(0, width);
                    if (k < rows)
                    {
                        source.ReadRow(top + k, luma);
                    }
                    else
                    {
                        luma.Clear(); // unused lanes: filtered, never written back
                    }

                    Transpose(luma, strip, k, width);
                }

                BoxFilter.Run(strip, filtered, stripSums, width, rowWindow, StripRows, []);
                for (var k = 0; k < rows; k++)
                {
                    Untranspose(filtered, rowsFiltered.AsSpan((top + k) * width, width), k);
                }
            }

            // Pass 1, columns, fused with pass 2, rows: each row the column filter finishes goes straight into the next
            // strip (no second full-size plane); a full strip is filtered along its rows, stored at the sampled columns only.
            var everyRowToOne = new int[height];
            BoxFilter.Run(rowsFiltered.AsSpan(0, plane), row, columnSums, height, columnWindow, width, everyRowToOne, finished =>
            {
                var lane = finished % StripRows;
                Transpose(row.AsSpan(0, width), strip, lane, width);
                if (lane == StripRows - 1 || finished == height - 1)
                {
                    // Lanes past the last row hold the previous strip's values: filtered, never read back.
                    BoxFilter.Run(strip, filtered, stripSums, width, rowWindow, StripRows, columnSlots);
                    var top = finished - lane;
                    for (var k = 0; k <= lane; k++)
                    {
                        var target = sampledColumns.AsSpan((top + k) * Grid, Grid);
                        for (var j = 0; j < Grid; j++)
                        {
                            target[j] = filtered[(columnOf[j] * StripRows) + k];
                        }
                    }
                }
            });

            // Pass 2, columns: only the 64 sampled columns, stored at the sampled rows only.
            BoxFilter.Run(sampledColumns.AsSpan(0, height * Grid), sampledRows, stripSums, height, columnWindow, Grid, rowSlots);
            for (var i = 0; i < Grid; i++)
            {
                sampledRows.AsSpan(rowOf[i] * Grid, Grid).CopyTo(grid.Slice(i * Grid, Grid));
            }
        }
        finally
        {
            foreach (var rented in new[] { rowsFiltered, strip, filtered, row, columnSums, stripSums, sampledColumns, sampledRows })
            {
                ArrayPool<float>.Shared.Return(rented);
            }
        }
    }

    // For a side of `length`: the slot of each position (-1 if not sampled) and, for each of the 64 grid indices, the slot
    // its sample sits in (a side shorter than 64 samples some positions more than once).
    private static (int[] Slots, int[] SlotOfGridIndex) SampleSlots(int length)
    {
        var slots = new int[length];
        Array.Fill(slots, -1);
        var distinct = 0;
        var slotOf = new int[Grid];
        for (var i = 0; i < Grid; i++)
        {
            var position = Sample(i, length);
            if (slots[position] < 0)
            {
                slots[position] = distinct++;
            }

            slotOf[i] = slots[position];
        }

        return (slots, slotOf);
    }

    private static void Transpose(ReadOnlySpan<float> row, Span<float> strip, int lane, int width)
    {
        for (var j = 0; j < width; j++)
        {
            strip[(j * StripRows) + lane] = row[j];
        }
    }

    private static void Untranspose(ReadOnlySpan<float> strip, Span<float> row, int lane)
    {
        for (var j = 0; j < row.Length; j++)
        {
            row[j] = strip[(j * StripRows) + lane];
        }
    }
}
