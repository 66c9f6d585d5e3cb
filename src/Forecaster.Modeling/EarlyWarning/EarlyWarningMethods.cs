using System.Text.Json;
using Forecaster.Modeling.Features;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>
/// The one catalog of named early-warning methods that can be trained on a store's markets alone (snapshots, no prices
/// or holders), shared by <c>forecaster train</c>, the retraining job and the variants benchmark (which adds only the
/// variants needing such inputs). README, Early warning, measures each.
/// </summary>
public static class EarlyWarningMethods
{
    /// <summary>The default method's name: what <c>forecaster train</c> and the weekly job fit when none is chosen.</summary>
    public const string DefaultName = "logistic";

    private static readonly string[] Kink = ["util_minus_kink", "hours_above_kink_72h"];

    private const string OutflowEs99 = "log_liquidity_over_outflow_es99";

    private const string FirstPassageLogit = "first_passage_logit";

    /// <summary>Every method, the default first.</summary>
    public static IReadOnlyList<EarlyWarningMethod> All { get; } =
    [
        new(DefaultName, "the default: the rule's signal, utilization's pace toward the level, the outflow anomaly score, the other markets; one training hour in four",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic }),
        new("trees", "LightGBM gradient-boosted trees on every feature", new EarlyWarningModelOptions { Learner = ShortfallLearner.GradientBoostedTrees }),
        // A leaf must hold several crises' worth of rows, not one crisis hour by hour.
        new("trees-regularised", "trees with 4 leaves, 400 rows a leaf, 100 rounds at rate 0.05",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.GradientBoostedTrees, Leaves = 4, MinimumRowsPerLeaf = 400, Trees = 100, LearningRate = 0.05 }),
        new("logistic-recalibrated", "the default fit on the earlier 75% of training rows, Platt-recalibrated (and its threshold chosen) on the latest 25%",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RecalibrateOnHoldout = true }),
        new("logistic-no-anomaly", "the default without the outflow anomaly score",
            Logistic(["log_gap_to_full", "log_gap_to_full_max_24h", "shortfall_distance_z", "util_change_24h", "others_util_max"])),
        new("logistic-wide", "deposit flight, the largest outflow, the rate regime and liquidity over the worst recent outflow",
            Logistic(
            [
                "log_gap_to_full", "log_gap_to_full_max_24h", "shortfall_distance_z", "util_change_24h", "deposit_change_24h",
                "largest_outflow_24h", "rate_slope_regime", "log_liquidity_over_worst_outflow", "others_util_max",
            ])),
        new("logistic-kink", "the default plus utilization against the market's kink and hours above it in 72 h", DefaultPlus(Kink)),
        new("logistic-persistence", "the default plus hours above the kink in 72 h and since it was last below", DefaultPlus(["hours_above_kink_72h", "hours_since_below_kink"])),
        new("logistic-outflow", "the default plus liquidity over the ES99 of the next day's outflow", DefaultPlus([OutflowEs99])),
        new("logistic-kink-outflow", "the default plus the kink and the ES99 outflow coverage", DefaultPlus([.. Kink, OutflowEs99])),
        // Alerts then favour hours more than a day ahead; Platt on the 24 h targets keeps the probability the target's.
        new("logistic-rank72", "the default's features ranking shortfall within 72 h, Platt-mapped to the 24 h target",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 72 }),
        new("logistic-relative", "the default plus utilization against the market's own last 90 days and hours since its last shortfall",
            DefaultPlus(["util_rank_90d", "util_gap_to_max_90d", "log_hours_since_shortfall"])),
        // Nothing is fitted: only the alert threshold is chosen on training hours.
        new("first-passage", "structural: the share of the market's past standardised rises that would reach the shortfall line from here",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.FirstPassage }),
        new("first-passage-platt", "the first-passage probability Platt-calibrated on training hours (same alerts)", Logistic([FirstPassageLogit])),
        new("logistic-first-passage", "the default plus the first-passage probability's logit", DefaultPlus([FirstPassageLogit])),
        // A discrete-time hazard: Platt (monotone) maps the 1 h score to the 24 h target, so only calibration differs from compounding.
        new("logistic-hazard-1h", "the default's features ranking a shortfall in the next hour (a hazard), Platt-mapped to the 24 h target",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 1 }),
        new("logistic-hazard-1h-first-passage", "the 1 h hazard given the first-passage logit as a seventh feature",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 1, LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, FirstPassageLogit] }),
        // 72 h is the detection window of the recall metric; rows inside an episode's tail do not train the ranker.
        new("logistic-onset72", "the default's features ranking an episode's start within 72 h, Platt-mapped to the 24 h target",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 72, RankOnOnsets = true }),
        new("logistic-onset24", "the onset ranker with a 24 h window",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 24, RankOnOnsets = true }),
        new("logistic-plus-rule", "half the alert budget to the default, half to the rule's utilization level; alert on either",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RuleShareOfBudget = 0.5 }),
        new("logistic-rank72-plus-rule", "the 72 h ranker with half the budget to the rule's utilization level",
            new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 72, RuleShareOfBudget = 0.5 }),
    ];

    /// <summary>The method named <paramref name="name"/> (ordinal, exact).</summary>
    /// <exception cref="UnknownMethodException">No method has that name; the message lists the valid names.</exception>
    public static EarlyWarningMethod Find(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new UnknownMethodException($"unknown method '{name}'; valid: {string.Join(", ", All.Select(m => m.Name))}.");

    /// <summary>The name of the method whose options equal <paramref name="options"/>, or null when none does.</summary>
    public static string? NameOf(EarlyWarningModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Compared as JSON because the options hold lists, which records compare by reference (as ChampionComparer does).
        var json = JsonSerializer.Serialize(options);
        return All.FirstOrDefault(m => JsonSerializer.Serialize(m.Options) == json)?.Name;
    }

    /// <summary>The default logistic learner reading <paramref name="features"/>.</summary>
    public static EarlyWarningModelOptions Logistic(IReadOnlyList<string> features) =>
        new() { Learner = ShortfallLearner.Logistic, LogisticFeatures = features };

    /// <summary>The default logistic learner with <paramref name="extra"/> after its own features.</summary>
    public static EarlyWarningModelOptions DefaultPlus(IReadOnlyList<string> extra) => Logistic([.. ShortfallFeatureBuilder.LogisticNames, .. extra]);
}
