namespace Forecaster.EarlyWarning.Calibration;

/// <summary>
/// Recalibrates a backtest's out-of-sample probabilities fold by fold without looking ahead: the hours of the fold
/// [c, c + interval) get a <see cref="PlattScaling"/> fitted on every earlier scored hour of every market whose target
/// was known before c (hour + horizon &lt; c), i.e. on the model's own past errors, as a deployed system could. Folds
/// with no event or no non-event known yet keep their probabilities. Alerts are left as they are: they were decided
/// on the raw probability against a threshold chosen on training data.
/// </summary>
public static class FoldRecalibration
{
    /// <summary>Returns copies of the markets with recalibrated probabilities; the inputs are not changed.</summary>
    /// <param name="markets">Scored markets, as the backtest produced them.</param>
    /// <param name="firstCutoff">Start of the first fold (the first refit).</param>
    /// <param name="interval">Fold length (the refit interval), positive.</param>
    /// <param name="horizon">The target's horizon: an hour's outcome is known at hour + horizon.</param>
    public static IReadOnlyList<ScoredMarket> Apply(IReadOnlyList<ScoredMarket> markets, DateTimeOffset firstCutoff, TimeSpan interval, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        // Every scored hour in the order its outcome became known.
        var known = markets
            .SelectMany(m => Enumerable.Range(0, m.Labels.Times.Length)
                .Where(i => WarningEvaluator.IsScored(m, i))
                .Select(i => (KnownAt: m.Labels.Times[i] + horizon, P: m.Probability[i], Event: m.Labels.Target[i] == 1)))
            .OrderBy(h => h.KnownAt)
            .ToArray();
        var result = markets.Select(m => m with { Probability = (double[])m.Probability.Clone() }).ToArray();
        var last = markets.SelectMany(m => m.Labels.Times).DefaultIfEmpty(firstCutoff).Max();
        var used = 0;
        var probabilities = new List<double>();
        var outcomes = new List<bool>();
        for (var cutoff = firstCutoff; cutoff <= last; cutoff += interval)
        {
            while (used < known.Length && known[used].KnownAt < cutoff)
            {
                probabilities.Add(known[used].P);
                outcomes.Add(known[used].Event);
                used++;
            }
            var map = PlattScaling.Fit(probabilities, outcomes);
            if (map is null) continue;
            var foldEnd = cutoff + interval;
            foreach (var market in result)
            {
                var times = market.Labels.Times;
                for (var i = 0; i < times.Length; i++)
                {
                    if (times[i] >= cutoff && times[i] < foldEnd && !double.IsNaN(market.Probability[i]))
                        market.Probability[i] = map.Apply(market.Probability[i]);
                }
            }
        }
        return result;
    }
}
