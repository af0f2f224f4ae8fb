namespace Katalyst.Synthetic.Sampling;

/// <summary>The distributions the synthetic-data spec names, over a seeded <see cref="Random"/>.</summary>
internal static class RandomExtensions
{
    public static bool Chance(this Random rng, double p) => rng.NextDouble() < p;

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>Picks by weight; weights need not sum to one.</summary>
    public static T Weighted<T>(this Random rng, IReadOnlyList<(T Item, double Weight)> table)
    {
        double total = 0;
        foreach (var (_, w) in table)
        {
            total += w;
        }

        var x = rng.NextDouble() * total;
        foreach (var (item, w) in table)
        {
            x -= w;
            if (x < 0)
            {
                return item;
            }
        }

        return table[^1].Item;
    }

    /// <summary>Knuth's method; fine for the small means used here.</summary>
    public static int Poisson(this Random rng, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }

    public static double Gaussian(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Log-normal with the given median and 99th percentile.</summary>
    public static double LogNormal(this Random rng, double median, double p99)
    {
        var sigma = Math.Log(p99 / median) / 2.3263478740408408;
        return median * Math.Exp(sigma * rng.Gaussian());
    }

    /// <summary>Zipf over [min, max] with exponent s, by inverting the continuous power law.</summary>
    public static int Zipf(this Random rng, int min, int max, double s = 1.0)
    {
        var u = rng.NextDouble();
        double x;
        if (Math.Abs(s - 1.0) < 1e-9)
        {
            x = min * Math.Pow((double)(max + 1) / min, u);
        }
        else
        {
            var a = Math.Pow(min, 1 - s);
            var b = Math.Pow(max + 1, 1 - s);
            x = Math.Pow(a + (u * (b - a)), 1 / (1 - s));
        }

        return Math.Clamp((int)x, min, max);
    }

    public static string Hex(this Random rng, int chars)
    {
        const string digits = "0123456789abcdef";
        return string.Create(chars, rng, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = digits[r.Next(16)];
            }
        });
    }

    public static string Digits(this Random rng, int count)
    {
        return string.Create(count, rng, static (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + r.Next(10));
            }
        });
    }
}
