namespace Katalyst.Media.Tests.Pdq;

/// <summary>
/// The blur and decimation written literally from the spec (shared/spec/pdq.md 3.4 and 3.6): one signal at a time,
/// columns walked with stride W, full buffers. Slow and obviously right, to check the strip/SIMD version against.
/// </summary>
internal static class LiteralPdq
{
    public static float[] Grid(float[] luma, int width, int height)
    {
        var a = (float[])luma.Clone();
        var b = new float[width * height];
        var rowWindow = (width + 127) / 128;
        var columnWindow = (height + 127) / 128;
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < height; i++)
            {
                Box(a, i * width, 1, b, width, rowWindow);
            }

            for (var j = 0; j < width; j++)
            {
                Box(b, j, width, a, height, columnWindow);
            }
        }

        var grid = new float[64 * 64];
        for (var i = 0; i < 64; i++)
        {
            for (var j = 0; j < 64; j++)
            {
                grid[(i * 64) + j] = a[((int)((i + 0.5) * height / 64) * width) + (int)((j + 0.5) * width / 64)];
            }
        }

        return grid;
    }

    private static void Box(float[] input, int start, int stride, float[] output, int length, int window)
    {
        var half = (window + 2) / 2;
        var sum = 0.0f;
        var count = 0;
        int r = 0, l = 0, o = 0;
        for (var n = 0; n < half - 1; n++)
        {
            sum += input[start + (r++ * stride)];
            count++;
        }

        for (var n = 0; n < window - half + 1; n++)
        {
            sum += input[start + (r++ * stride)];
            count++;
            output[start + (o++ * stride)] = sum / count;
        }

        for (var n = 0; n < length - window; n++)
        {
            sum += input[start + (r++ * stride)];
            sum -= input[start + (l++ * stride)];
            output[start + (o++ * stride)] = sum / count;
        }

        for (var n = 0; n < half - 1; n++)
        {
            sum -= input[start + (l++ * stride)];
            count--;
            output[start + (o++ * stride)] = sum / count;
        }
    }
}
