namespace Katalyst.Inference.Media.Models;

/// <summary>FaceRes's outputs for one face crop, read as apparent age and gender. Pure functions.</summary>
public static class FaceAge
{
    /// <summary>FaceRes's age output: a softmax over one-year bins 0 to 99.</summary>
    public const int Bins = 100;

    /// <summary>Bins below this age count towards <see cref="MinorProbability"/>.</summary>
    public const int Adulthood = 18;

    /// <summary>
    /// The apparent age in years: the mean of the bins weighted by their probabilities (Human reads the peak bin nudged
    /// towards its larger neighbour; the mean uses the whole distribution and is what a weak, uncertain signal should
    /// report). The probabilities are renormalised, so rounding in the softmax does not shift it.
    /// </summary>
    public static float ApparentAge(ReadOnlySpan<float> bins)
    {
        Check(bins);
        double total = 0, weighted = 0;
        for (var age = 0; age < Bins; age++)
        {
            total += bins[age];
            weighted += age * (double)bins[age];
        }

        return total <= 0 ? 0 : (float)(weighted / total);
    }

    /// <summary>The probability the apparent age is under 18: bins 0 to 17 over the whole (renormalised).</summary>
    public static float MinorProbability(ReadOnlySpan<float> bins)
    {
        Check(bins);
        double total = 0, minor = 0;
        for (var age = 0; age < Bins; age++)
        {
            total += bins[age];
            minor += age < Adulthood ? bins[age] : 0;
        }

        return total <= 0 ? 0 : (float)(minor / total);
    }

    private static void Check(ReadOnlySpan<float> bins)
    {
        if (bins.Length != Bins)
        {
            throw new ArgumentException($"FaceRes age output of {bins.Length} values, not {Bins} one-year bins", nameof(bins));
        }
    }
}
