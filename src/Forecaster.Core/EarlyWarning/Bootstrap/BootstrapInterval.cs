namespace Forecaster.EarlyWarning;

/// <summary>A percentile interval of bootstrap resamples; both ends NaN when no resample defined the measure.</summary>
/// <param name="Lower">The 5th percentile (nearest rank: a value some resample took).</param>
/// <param name="Upper">The 95th percentile (nearest rank).</param>
public readonly record struct BootstrapInterval(double Lower, double Upper)
{
    /// <summary>True when the interval lies wholly above or wholly below zero.</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;

    /// <summary>
    /// The nearest-rank percentile interval of the finite values: the values at ranks ⌈0.05 n⌉ and ⌈0.95 n⌉ of the sorted
    /// finite values. Nearest rank, not interpolation, so each end is a value the measure actually took.
    /// </summary>
    /// <param name="values">Resampled values; NaN (undefined in that resample) is skipped. Not modified.</param>
    public static BootstrapInterval Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Where(double.IsFinite).ToArray();
        if (sorted.Length == 0) return new BootstrapInterval(double.NaN, double.NaN);
        Array.Sort(sorted);
        var tail = (1 - BootstrapOptions.Confidence) / 2;
        return new BootstrapInterval(sorted[Rank(tail, sorted.Length)], sorted[Rank(1 - tail, sorted.Length)]);
    }

    // 0-based index of the nearest-rank percentile; the epsilon keeps 0.05 × 1000 at rank 50 despite rounding.
    private static int Rank(double quantile, int count) => Math.Clamp((int)Math.Ceiling(quantile * count - 1e-9) - 1, 0, count - 1);
}
