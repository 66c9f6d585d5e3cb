using Forecaster.EarlyWarning;
using Forecaster.Modeling.Features;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// Backtests the early-warning model and the threshold rule, honestly: every probability at hour t comes from a model
/// fit only on hours whose target window closed before the fold began, and every threshold is chosen on training data.
/// </summary>
public static class EarlyWarningBacktest
{
    /// <summary>
    /// Walk-forward: refit every <see cref="BacktestOptions.RefitInterval"/> on all earlier data of every market and
    /// evaluate the next interval; each market's first <see cref="BacktestOptions.BurnIn"/> is used only for training.
    /// </summary>
    public static BacktestResult WalkForward(IReadOnlyList<MarketHistory> markets, BacktestOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var prepared = PreparedMarket.Prepare(markets, options.Definition);
        var state = new EvaluationState(prepared);
        var evalStart = prepared.Select(m => m.Start + options.BurnIn).ToArray();
        var first = evalStart.Min();
        var end = prepared.Max(m => m.End);
        var refits = 0;
        for (var cutoff = first; cutoff <= end; cutoff += options.RefitInterval)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var foldEnd = cutoff + options.RefitInterval;
            var hours = new List<(int Market, int Index)>();
            for (var k = 0; k < prepared.Count; k++)
            {
                var times = prepared[k].Labels.Times;
                for (var i = LowerBound(times, cutoff); i < times.Length && times[i] < foldEnd; i++)
                {
                    if (times[i] >= evalStart[k]) hours.Add((k, i));
                }
            }
            if (hours.Count == 0) continue;
            var model = EarlyWarningModel.FitBefore(prepared, cutoff, options);
            var rule = FitRule(prepared, cutoff, options.Definition);
            state.Score(hours, model, rule);
            refits++;
            progress?.Report($"fold {refits}: fit before {cutoff:yyyy-MM-dd}, scored {hours.Count:N0} hours, threshold {model.AlertThreshold:0.###}, rule level {rule.Level:0.###}");
        }
        return state.Result(options, refits, first);
    }

    /// <summary>Fits once on all train markets and evaluates every hour of the test markets (their own past feeds features only).</summary>
    public static BacktestResult TrainTest(IReadOnlyList<MarketHistory> train, IReadOnlyList<MarketHistory> test, BacktestOptions options, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var trainPrepared = PreparedMarket.Prepare(train, options.Definition);
        var model = EarlyWarningModel.FitBefore(trainPrepared, DateTimeOffset.MaxValue, options);
        var rule = FitRule(trainPrepared, DateTimeOffset.MaxValue, options.Definition);
        progress?.Report($"fit on {train.Count} market(s): threshold {model.AlertThreshold:0.###}, rule level {rule.Level:0.###}");
        var testPrepared = PreparedMarket.Prepare(test, options.Definition);
        var state = new EvaluationState(testPrepared);
        var hours = testPrepared.SelectMany((m, k) => Enumerable.Range(0, m.Labels.Times.Length).Select(i => (k, i))).ToList();
        state.Score(hours, model, rule);
        // One fit, so the recalibration's folds are refit intervals of the test period, from its first hour.
        return state.Result(options, 1, testPrepared.Min(m => m.Start));
    }

    /// <summary>The threshold rule fit on training hours before the cutoff (targets whose window reaches it count for the budget only).</summary>
    internal static ThresholdRule FitRule(IReadOnlyList<PreparedMarket> markets, DateTimeOffset cutoff, ShortfallDefinition definition)
    {
        var utilization = new List<double>();
        var targets = new List<sbyte>();
        foreach (var m in markets)
        {
            var labels = m.Labels;
            for (var i = 0; i < labels.Times.Length && labels.Times[i] < cutoff; i++)
            {
                if (!labels.IsAlertable(i)) continue;
                utilization.Add(m.History.Hours[i].Utilization);
                targets.Add(labels.Times[i] + definition.Horizon < cutoff ? labels.Target[i] : ShortfallLabels.None);
            }
        }
        return ThresholdRule.Fit(utilization, targets, definition.AlertBudget);
    }

    private static int LowerBound(DateTimeOffset[] times, DateTimeOffset value)
    {
        var index = Array.BinarySearch(times, value);
        return index >= 0 ? index : ~index;
    }
}
