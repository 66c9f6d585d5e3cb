namespace Forecaster.EarlyWarning;

/// <summary>Chooses an alert threshold for an alert budget.</summary>
public static class AlertThreshold
{
    /// <summary>
    /// The smallest threshold such that the share of <paramref name="scores"/> at or above it does not exceed
    /// <paramref name="budget"/>. Ties are never split: when many hours share the boundary score the threshold moves
    /// above them, so the budget is a hard ceiling on the training data. Returns +∞ (alerts never on) when even the
    /// highest score alone would exceed the budget, or when there are no scores. NaN scores are ignored.
    /// </summary>
    /// <param name="scores">Scores of the training hours that are eligible and not in shortfall.</param>
    /// <param name="budget">Share in (0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is outside (0, 1).</exception>
    public static double ForBudget(IEnumerable<double> scores, double budget)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (!(budget > 0 && budget < 1)) throw new ArgumentOutOfRangeException(nameof(budget), $"budget must be in (0, 1); got {budget}.");
        var sorted = scores.Where(s => !double.IsNaN(s)).ToArray();
        if (sorted.Length == 0) return double.PositiveInfinity;
        Array.Sort(sorted);
        Array.Reverse(sorted);
        var allowed = (int)Math.Floor(budget * sorted.Length + 1e-9);
        if (allowed == 0) return double.PositiveInfinity;
        if (allowed >= sorted.Length) return sorted[^1];
        // sorted[allowed] is the highest score that must stay below the threshold.
        var boundary = sorted[allowed];
        var candidate = double.PositiveInfinity;
        for (var i = allowed - 1; i >= 0; i--)
        {
            if (sorted[i] > boundary) { candidate = sorted[i]; break; }
        }
        return candidate;
    }
}
