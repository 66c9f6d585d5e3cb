using Forecaster.EarlyWarning;
using Forecaster.EarlyWarning.Calibration;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>Per-hour outputs of the model and the rule collected across folds, then evaluated together.</summary>
internal sealed class EvaluationState
{
    private readonly IReadOnlyList<PreparedMarket> _markets;
    private readonly ScoredMarket[] _model;
    private readonly ScoredMarket[] _rule;
    private readonly ForecastAccuracy _forecast = new();
    private DateTimeOffset _first = DateTimeOffset.MaxValue;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public EvaluationState(IReadOnlyList<PreparedMarket> markets)
    {
        _markets = markets;
        _model = markets.Select(Empty).ToArray();
        _rule = markets.Select(Empty).ToArray();
    }

    private static ScoredMarket Empty(PreparedMarket m)
    {
        var n = m.Labels.Times.Length;
        return new ScoredMarket(m.History.Name, m.Labels, new bool[n], Enumerable.Repeat(double.NaN, n).ToArray(), new bool[n], Enumerable.Repeat(double.NaN, n).ToArray());
    }

    public void Score(IReadOnlyList<(int Market, int Index)> hours, EarlyWarningModel model, ThresholdRule rule)
    {
        var rows = hours.Select(h => _markets[h.Market].Rows[h.Index]).ToArray();
        var probabilities = model.Probabilities(rows);
        var changes = model.Forecaster.PredictChange(rows);
        for (var k = 0; k < hours.Count; k++)
        {
            var (m, i) = hours[k];
            var market = _markets[m];
            var time = market.Labels.Times[i];
            if (time < _first) _first = time;
            if (time > _last) _last = time;
            _model[m].Evaluated[i] = true;
            _model[m].Probability[i] = probabilities[k];
            var utilization = market.History.Hours[i].Utilization;
            _model[m].Alert[i] = model.Alerts(probabilities[k], utilization);
            _model[m].BaseRate[i] = model.BaseRate;
            _rule[m].Evaluated[i] = true;
            _rule[m].Probability[i] = rule.Probability(utilization);
            _rule[m].Alert[i] = rule.Alerts(utilization);
            _rule[m].BaseRate[i] = model.BaseRate;
            if (market.Labels.Eligible[i] && market.Later24h[i] >= 0)
            {
                var liquidity = market.Liquidity(i);
                var (median, lower, upper) = model.Forecaster.ToUsd(changes[k], liquidity, market.Deposits(i));
                _forecast.Add(market.Liquidity(market.Later24h[i]), median, lower, upper, liquidity);
            }
        }
    }

    /// <param name="options">The backtest's options.</param>
    /// <param name="refits">Number of model fits.</param>
    /// <param name="firstCutoff">Start of the first fold; with <see cref="BacktestOptions.Recalibrate"/>, folds of the refit interval from there are recalibrated on the ones before.</param>
    public BacktestResult Result(BacktestOptions options, int refits, DateTimeOffset firstCutoff)
    {
        var scores = options.Recalibrate ? FoldRecalibration.Apply(_model, firstCutoff, options.RefitInterval, options.Definition.Horizon) : _model;
        // Evaluated once: the result and the bootstrap read the same reports.
        var model = WarningEvaluator.Evaluate(scores, options.Definition);
        var rule = WarningEvaluator.Evaluate(_rule, options.Definition);
        return new BacktestResult(model, rule, _forecast.Mase, _forecast.Coverage, refits, _first, _last)
        {
            Uncertainty = options.Bootstrap.Resamples > 0 ? WarningBootstrap.Compare(scores, _rule, model, rule, options.Bootstrap) : null,
            ModelScores = scores,
            RuleScores = _rule,
        };
    }
}
