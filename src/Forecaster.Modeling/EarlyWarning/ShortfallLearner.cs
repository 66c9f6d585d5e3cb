namespace Forecaster.Modeling.EarlyWarning;

/// <summary>The learner of the shortfall classifier (written by name in model cards).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ShortfallLearner>))]
public enum ShortfallLearner
{
    /// <summary>LightGBM on every feature, Platt-calibrated on the latest held-out training rows.</summary>
    GradientBoostedTrees,

    /// <summary>
    /// L2-regularised logistic regression on a few features chosen for their meaning; calibrated by construction,
    /// convex (so row order and seed do not matter). The default: it beat the trees on AUC-PR and Brier skill on every
    /// split (walk-forward, unseen market, simulated); see README, Early warning.
    /// </summary>
    Logistic,

    /// <summary>
    /// No fitting: the probability is the first-passage feature itself (<see cref="Features.FirstPassageProbability"/>,
    /// the share of the market's past standardised rises of −ln(1 − u) over the horizon that would reach the shortfall
    /// line from here at today's volatility). Only the alert threshold is chosen on training data.
    /// </summary>
    FirstPassage,
}
