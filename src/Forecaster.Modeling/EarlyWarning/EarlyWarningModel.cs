using Forecaster.EarlyWarning;
using Forecaster.Modeling.Features;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// A fitted early-warning model: the calibrated shortfall classifier, its alert threshold (chosen on held-out
/// training rows for the alert budget), the training base rate, and the 24 h liquidity forecaster.
/// </summary>
/// <remarks>
/// Characteristics: input, <see cref="MarketHistory"/> up to the as-of hour; output, a probability, an alert and a
/// 24 h liquidity interval per hour; persisted by the model registry as two ML.NET zips plus a card;
/// retrained every 30 days (walk-forward) or on <c>forecaster train</c>.
/// </remarks>
public sealed class EarlyWarningModel
{
    /// <summary>Creates a model from its parts.</summary>
    /// <param name="classifier">The classifier; null when the training data had no shortfall (the base rate is then the probability).</param>
    /// <param name="forecaster">The liquidity forecaster.</param>
    /// <param name="alertThreshold">Probability at or above which an alert is on; +∞ for never.</param>
    /// <param name="baseRate">Share of positive targets among the training rows.</param>
    /// <param name="ruleLevel">Utilization at or above which an alert is on whatever the probability; +∞ (the default) for never.</param>
    public EarlyWarningModel(ShortfallClassifier? classifier, LiquidityForecaster forecaster, double alertThreshold, double baseRate, double ruleLevel = double.PositiveInfinity)
    {
        RuleLevel = ruleLevel;
        Classifier = classifier;
        Forecaster = forecaster;
        AlertThreshold = alertThreshold;
        BaseRate = baseRate;
    }

    /// <summary>The classifier, or null when trained without any shortfall.</summary>
    public ShortfallClassifier? Classifier { get; }

    /// <summary>The 24 h available-liquidity forecaster.</summary>
    public LiquidityForecaster Forecaster { get; }

    /// <summary>Alert threshold on the probability.</summary>
    public double AlertThreshold { get; }

    /// <summary>Training base rate of the target, in [0, 1].</summary>
    public double BaseRate { get; }

    /// <summary>
    /// Utilization at or above which an alert is on whatever the probability (the threshold rule's share of the budget,
    /// <see cref="EarlyWarningModelOptions.RuleShareOfBudget"/>); +∞ when the model alerts alone.
    /// </summary>
    public double RuleLevel { get; }

    /// <summary>True when an hour with this probability and utilization raises an alert.</summary>
    public bool Alerts(double probability, double utilization) => probability >= AlertThreshold || utilization >= RuleLevel;

    /// <summary>Probabilities of feature rows.</summary>
    public double[] Probabilities(IReadOnlyList<float[]> rows) =>
        Classifier?.Predict(rows) ?? Enumerable.Repeat(BaseRate, rows.Count).ToArray();

    /// <summary>Fits on every labelled hour of the markets whose target window is fully known.</summary>
    /// <exception cref="InsufficientTrainingDataException">Too little data for the forecaster.</exception>
    public static EarlyWarningModel Fit(IReadOnlyList<MarketHistory> markets, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return FitBefore(PreparedMarket.Prepare(markets, options.Definition), DateTimeOffset.MaxValue, options);
    }

    /// <summary>Fits on hours whose target window ends before <paramref name="cutoff"/>: nothing at or after it is used.</summary>
    internal static EarlyWarningModel FitBefore(IReadOnlyList<PreparedMarket> markets, DateTimeOffset cutoff, BacktestOptions options)
    {
        var horizon = options.Definition.Horizon;
        var ranking = TimeSpan.FromHours(options.Model.RankingHorizonHours);
        // Rows train only once every label they carry is known before the cutoff.
        var labelWindow = ranking > horizon ? ranking : horizon;
        var stride = options.Model.RowStride;
        var labelled = new List<TrainingRow>();
        var flows = new List<(long Ticks, float[] Row, float Change)>();
        foreach (var m in markets.OrderBy(m => m.History.Name, StringComparer.Ordinal))
        {
            var times = m.Labels.Times;
            var rankTargets = options.Model.RankOnOnsets ? m.OnsetsAt(ranking)
                : ranking > TimeSpan.Zero ? m.TargetsAt(ranking) : m.Labels.Target;
            for (var i = 0; i < times.Length; i++)
            {
                if (times[i] >= cutoff - horizon) break;
                var target = m.Labels.Target[i];
                // An onset label's window closes before the cutoff, so the episode start it names is known by then too.
                if (target != ShortfallLabels.None && times[i] < cutoff - labelWindow && rankTargets[i] != ShortfallLabels.None)
                    labelled.Add(new TrainingRow(times[i].UtcTicks, m.Rows[i], target == 1, rankTargets[i] == 1, rankTargets[i] != ShortfallLabels.InEpisode, m.History.Hours[i].Utilization));
                if (i % stride == 0 && m.Labels.Eligible[i] && times[i].AddHours(24) < cutoff && m.Change24h(i) is var change && !float.IsNaN(change))
                    flows.Add((times[i].UtcTicks, m.Rows[i], change));
            }
        }
        // Time order across markets, so the holdout is the latest data, as it would be in production. OrderBy is a
        // stable sort and the markets are visited by name, so the same data gives the same model whatever the input order.
        labelled = labelled.OrderBy(r => r.Ticks).ToList();
        flows = flows.OrderBy(r => r.Ticks).ToList();
        var baseRate = labelled.Count == 0 ? 0 : labelled.Count(r => r.Label) / (double)labelled.Count;
        // The logistic learner is calibrated by its own fit, so it needs the rows' base rate as it is: no holdout, and one
        // hour in `stride` whatever its label (neighbouring hours are nearly identical, so this thins without tilting).
        // The first-passage learner fits nothing, so it takes its threshold on the same rows as the logistic learner.
        var logistic = options.Model.Learner is ShortfallLearner.Logistic or ShortfallLearner.FirstPassage;
        var holdoutFrom = logistic && !options.Model.RecalibrateOnHoldout ? labelled.Count : (int)(labelled.Count * (1 - options.Model.HoldoutShare));
        // The trees see every positive hour but only one negative hour in `stride`; the holdout keeps every hour, so the
        // calibrator restores the true base rate.
        var rows = labelled.Take(holdoutFrom).Where((r, k) => k % stride == 0 || (!logistic && r.Label)).ToList();
        var split = rows.Count;
        rows.AddRange(labelled.Skip(holdoutFrom));
        var features = rows.Select(r => r.Row).ToArray();
        var labels = rows.Select(r => r.Label).ToArray();

        ShortfallClassifier? classifier = null;
        var threshold = double.PositiveInfinity;
        var ruleLevel = double.PositiveInfinity;
        // An onset ranker also needs an onset among its own rows (a history may start inside its only episode).
        if (labels.Take(split).Any(l => l) && (ranking == TimeSpan.Zero || rows.Any(r => r.Ranks && r.RankLabel)))
        {
            classifier = ranking > TimeSpan.Zero
                ? ShortfallClassifier.FitRanked(features, rows.Select(r => r.RankLabel).ToArray(), labels, options.Model, rows.Select(r => r.Ranks).ToArray())
                : ShortfallClassifier.Fit(features, labels, split, options.Model);
            var scores = classifier.HoldoutProbabilities;
            var utilization = rows.Skip(rows.Count - scores.Length).Select(r => r.Utilization).ToArray();
            (threshold, ruleLevel) = global::Forecaster.EarlyWarning.AlertThreshold.SplitBudget(scores, utilization, options.Definition.AlertBudget, options.Model.RuleShareOfBudget);
        }
        var forecaster = LiquidityForecaster.Fit(flows.Select(f => f.Row).ToArray(), flows.Select(f => f.Change).ToArray(), options.Model);
        return new EarlyWarningModel(classifier, forecaster, threshold, baseRate, ruleLevel);
    }

    /// <summary>
    /// A labelled training hour: its target, its label at the ranking horizon, whether the ranker learns from it (not
    /// when it is in an episode's tail and the ranker ranks onsets) and its utilization (for the rule's share).
    /// </summary>
    private sealed record TrainingRow(long Ticks, float[] Row, bool Label, bool RankLabel, bool Ranks, double Utilization);
}
