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

    /// <summary>
    /// Splits one alert budget between a model and the threshold rule, an hour alerting when either does: the model's
    /// threshold is chosen for <c>(1 − ruleShare) × budget</c> of the hours, then the utilization level for whatever
    /// the budget has left among the hours the model does not already alert on, so that together they alert on at most
    /// <paramref name="budget"/> of the hours (the rule's overlap with the model is not counted twice). Ties are never
    /// split, as in <see cref="ForBudget"/>. NaN scores never alert and count as hours for the rule. With no share for
    /// the rule, the model takes the budget alone and the rule never alerts.
    /// </summary>
    /// <param name="scores">Model scores of the training hours.</param>
    /// <param name="utilization">Utilization of the same hours, in the same order.</param>
    /// <param name="budget">Total share in (0, 1).</param>
    /// <param name="ruleShare">Share of the budget meant for the rule, in [0, 1).</param>
    /// <returns>The model's threshold and the rule's level; +∞ for either that may never alert.</returns>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A share is outside its range.</exception>
    public static (double ModelThreshold, double RuleLevel) SplitBudget(IReadOnlyList<double> scores, IReadOnlyList<double> utilization, double budget, double ruleShare)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(utilization);
        if (scores.Count != utilization.Count) throw new ArgumentException("scores and utilization must have the same length.", nameof(utilization));
        if (!(ruleShare >= 0 && ruleShare < 1)) throw new ArgumentOutOfRangeException(nameof(ruleShare), $"ruleShare must be in [0, 1); got {ruleShare}.");
        var threshold = ForBudget(scores, budget * (1 - ruleShare));
        if (ruleShare == 0) return (threshold, double.PositiveInfinity);
        var allowed = (int)Math.Floor(budget * scores.Count + 1e-9);
        var rest = Enumerable.Range(0, scores.Count).Where(i => !(scores[i] >= threshold)).Select(i => utilization[i]).ToArray();
        var remaining = allowed - (scores.Count - rest.Length);
        if (remaining <= 0 || rest.Length == 0) return (threshold, double.PositiveInfinity);
        var level = remaining >= rest.Length ? rest.Min() : ForBudget(rest, remaining / (double)rest.Length);
        return (threshold, level);
    }
}
