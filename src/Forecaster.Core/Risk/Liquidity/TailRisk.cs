namespace Forecaster.Risk.Liquidity;

/// <summary>
/// Value-at-risk and expected shortfall of a loss sample. Losses are positive numbers (here: the share of deposits that
/// leaves); VaR at level q is the q-quantile of losses, ES the mean of the losses at or beyond it.
/// </summary>
public static class TailRisk
{
    /// <summary>VaR and ES at level <paramref name="level"/> of a loss sample.</summary>
    /// <param name="losses">Loss sample; need not be sorted; must not be empty or hold NaN.</param>
    /// <param name="level">Confidence level in (0, 1), e.g. 0.99.</param>
    /// <exception cref="ArgumentException">The sample is empty or holds NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static (double ValueAtRisk, double ExpectedShortfall) Of(IReadOnlyList<double> losses, double level)
    {
        ArgumentNullException.ThrowIfNull(losses);
        var sorted = losses.ToArray();
        if (sorted.Any(double.IsNaN)) throw new ArgumentException("The loss sample holds NaN.", nameof(losses));
        Array.Sort(sorted);
        return OfSorted(sorted, level);
    }

    /// <summary>VaR and ES of an already ascending sample (avoids re-sorting when several levels are wanted).</summary>
    /// <exception cref="ArgumentException">The sample is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside (0, 1).</exception>
    public static (double ValueAtRisk, double ExpectedShortfall) OfSorted(IReadOnlyList<double> sorted, double level)
    {
        if (level is <= 0 or >= 1 || double.IsNaN(level))
            throw new ArgumentOutOfRangeException(nameof(level), level, "level must be in (0, 1).");
        var valueAtRisk = Quantile.OfSorted(sorted, level);
        double sum = 0;
        var count = 0;
        for (var i = sorted.Count - 1; i >= 0 && sorted[i] >= valueAtRisk; i--)
        {
            sum += sorted[i];
            count++;
        }
        return (valueAtRisk, count == 0 ? valueAtRisk : sum / count);
    }
}
