namespace Katalyst.Models.Conversion;

/// <summary>TF kernel layouts to ONNX's: regular convolution HWIO → OIHW, depthwise [H, W, C, M] → [C·M, 1, H, W].</summary>
internal static class Kernels
{
    /// <summary>A Conv2D kernel <c>[kH, kW, in, out]</c> as ONNX Conv weights <c>[out, in, kH, kW]</c>.</summary>
    public static (float[] Data, long[] Dims) HwioToOihw(float[] hwio, int[] shape)
    {
        var (kh, kw, ci, co) = (shape[0], shape[1], shape[2], shape[3]);
        var oihw = new float[hwio.Length];
        for (var h = 0; h < kh; h++)
        {
            for (var w = 0; w < kw; w++)
            {
                for (var i = 0; i < ci; i++)
                {
                    for (var o = 0; o < co; o++)
                    {
                        oihw[(((o * ci) + i) * kh + h) * kw + w] = hwio[(((h * kw) + w) * ci + i) * co + o];
                    }
                }
            }
        }

        return (oihw, [co, ci, kh, kw]);
    }

    /// <summary>
    /// A depthwise kernel <c>[kH, kW, C, M]</c> as ONNX grouped Conv weights <c>[C·M, 1, kH, kW]</c> (group = C): TF's output
    /// channel c·M + m is input channel c through multiplier m.
    /// </summary>
    public static (float[] Data, long[] Dims) DepthwiseToGrouped(float[] hwcm, int[] shape)
    {
        var (kh, kw, c, m) = (shape[0], shape[1], shape[2], shape[3]);
        var grouped = new float[hwcm.Length];
        for (var h = 0; h < kh; h++)
        {
            for (var w = 0; w < kw; w++)
            {
                for (var ch = 0; ch < c; ch++)
                {
                    for (var k = 0; k < m; k++)
                    {
                        grouped[((ch * m + k) * kh + h) * kw + w] = hwcm[(((h * kw) + w) * c + ch) * m + k];
                    }
                }
            }
        }

        return (grouped, [c * m, 1, kh, kw]);
    }
}
