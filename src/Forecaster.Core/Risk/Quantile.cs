namespace Forecaster.Risk;

/// <summary>Empirical quantiles.</summary>
public static class Quantile
{
    /// <summary>
    /// The q-quantile of sorted values by linear interpolation between order statistics (Hyndman and Fan type 7, the R and NumPy default).
    /// </summary>
    /// <param name="sorted">Values in ascending order; must not be empty.</param>
    /// <param name="q">The quantile, in [0, 1].</param>
    /// <exception cref="ArgumentException"><paramref name="sorted"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is outside [0, 1].</exception>
    public static double OfSorted(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0) throw new ArgumentException("No values.", nameof(sorted));
        if (q is < 0 or > 1 || double.IsNaN(q)) throw new ArgumentOutOfRangeException(nameof(q), q, "q must be in [0, 1].");
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
