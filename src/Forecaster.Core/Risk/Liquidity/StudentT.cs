namespace Forecaster.Risk.Liquidity;

/// <summary>Student-t sampling for the Monte Carlo method (System.Random has no such sampler).</summary>
public static class StudentT
{
    /// <summary>
    /// Degrees of freedom matching a sample's excess kurtosis (a t with ν &gt; 4 has excess kurtosis 6/(ν-4)),
    /// clamped to [2.5, 60]; a sample with no excess kurtosis gets 60, close to normal.
    /// </summary>
    public static double DegreesOfFreedomFromKurtosis(IReadOnlyList<double> standardised)
    {
        ArgumentNullException.ThrowIfNull(standardised);
        if (standardised.Count < 4) return 60;
        var mean = standardised.Average();
        double m2 = 0, m4 = 0;
        foreach (var x in standardised)
        {
            var d = (x - mean) * (x - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= standardised.Count;
        m4 /= standardised.Count;
        var excess = m2 > 0 ? m4 / (m2 * m2) - 3 : 0;
        return excess <= 0.1 ? 60 : Math.Clamp(4 + 6 / excess, 2.5, 60);
    }

    /// <summary>A draw from a Student-t with ν degrees of freedom, scaled to unit variance (ν &gt; 2).</summary>
    public static double NextUnitVariance(Random random, double nu)
    {
        ArgumentNullException.ThrowIfNull(random);
        var z = NextNormal(random);
        var chi2 = 2 * NextGamma(random, nu / 2);
        return z / Math.Sqrt(chi2 / nu) * Math.Sqrt((nu - 2) / nu);
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    public static double NextNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    // Marsaglia and Tsang's method for Gamma(shape, 1); shapes below 1 use the boost Gamma(a) = Gamma(a + 1) * U^(1/a).
    private static double NextGamma(Random random, double shape)
    {
        if (shape < 1) return NextGamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v))) return d * v;
        }
    }
}
