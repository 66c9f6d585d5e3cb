using System.Runtime.Intrinsics;
using MathNet.Numerics.Distributions;

namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>
/// p-values from an adaptive Gaussian kernel density over a history (Abramson's square-root law: each point's
/// bandwidth is the pilot bandwidth times (pilot density / geometric mean)^(−1/2), so sparse tails get wider kernels;
/// Gaussian kernels, an Epanechnikov pilot).
/// The p-value is the tail mass of the estimated distribution beyond the new value. Plain arrays; no ML.NET.
/// </summary>
public static class AdaptiveKernelDensity
{
    /// <summary>The p-value of <paramref name="value"/> under the density of <paramref name="history"/>, in [0, 1].</summary>
    /// <param name="history">Past values (at least 1).</param>
    /// <param name="value">The new value.</param>
    /// <param name="side">Which tail(s) count.</param>
    /// <exception cref="ArgumentException">The history is empty.</exception>
    public static double PValue(ReadOnlySpan<double> history, double value, AnomalySide side)
    {
        var n = history.Length;
        if (n == 0) throw new ArgumentException("The history is empty.", nameof(history));
        var bandwidths = Bandwidths(history);
        double cdf = 0;
        for (var i = 0; i < n; i++) cdf += Normal.CDF(0, 1, (value - history[i]) / bandwidths[i]);
        cdf /= n;
        return side switch
        {
            AnomalySide.Positive => 1 - cdf,
            AnomalySide.Negative => cdf,
            _ => Math.Min(1, 2 * Math.Min(cdf, 1 - cdf)),
        };
    }

    /// <summary>The per-point bandwidths of the adaptive estimate of <paramref name="history"/>.</summary>
    /// <param name="history">Past values (at least 1).</param>
    public static double[] Bandwidths(ReadOnlySpan<double> history)
    {
        var n = history.Length;
        double mean = 0;
        foreach (var v in history) mean += v;
        mean /= n;
        double variance = 0;
        foreach (var v in history) variance += (v - mean) * (v - mean);
        var std = n > 1 ? Math.Sqrt(variance / (n - 1)) : 0;
        var sorted = history.ToArray();
        Array.Sort(sorted);
        var iqr = (sorted[(3 * (n - 1)) / 4] - sorted[(n - 1) / 4]) / 1.34;
        var spread = iqr > 0 ? Math.Min(std, iqr) : std;
        // A constant history still needs a finite kernel: a width far below the values' scale keeps "same value" at p = 1.
        var pilot = Math.Max(1.06 * spread * Math.Pow(n, -0.2), 1e-9 * (Math.Abs(mean) + 1));

        // The pilot only ranks regions by density, so an Epanechnikov kernel (no exp; Silverman's constant 2.34 for it)
        // is enough; it makes the O(n²) pilot about ten times cheaper than a Gaussian one. Each point counts itself, so
        // no density is zero.
        var density = PilotDensities(history, pilot * 2.34 / 1.06);
        double logMean = 0;
        foreach (var d in density) logMean += Math.Log(d);
        var geometric = Math.Exp(logMean / n);
        var bandwidths = new double[n];
        for (var i = 0; i < n; i++) bandwidths[i] = pilot * Math.Sqrt(geometric / density[i]);
        return bandwidths;
    }

    /// <summary>
    /// Each point's Epanechnikov density sum, Σ_j max(1 − z², 0) with z = (x_i − x_j) / support, terms added in j order.
    /// This is the detector's cost (n² terms an observation), so several points are summed at once, one per vector lane:
    /// each lane still adds its own terms one by one in j order, so every sum is bit for bit the one-point-at-a-time sum
    /// (a term outside the kernel is +0 and leaves the sum as it was).
    /// </summary>
    /// <param name="history">The points.</param>
    /// <param name="support">The kernel's half-width, above 0.</param>
    public static double[] PilotDensities(ReadOnlySpan<double> history, double support)
    {
        var n = history.Length;
        var density = new double[n];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var supports = Vector256.Create(support);
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var xi = Vector256.Create(history.Slice(i, Vector256<double>.Count));
                var sum = Vector256<double>.Zero;
                for (var j = 0; j < n; j++)
                {
                    var z = (xi - Vector256.Create(history[j])) / supports;
                    sum += Vector256.Max(Vector256<double>.One - z * z, Vector256<double>.Zero);
                }
                sum.CopyTo(density.AsSpan(i));
            }
        }
        for (; i < n; i++)
        {
            double sum = 0;
            for (var j = 0; j < n; j++)
            {
                var z = (history[i] - history[j]) / support;
                sum += Math.Max(1 - z * z, 0);
            }
            density[i] = sum;
        }
        return density;
    }
}
