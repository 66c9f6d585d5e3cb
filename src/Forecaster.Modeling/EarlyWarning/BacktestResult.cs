using Forecaster.EarlyWarning;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>What a backtest found, for the model and the threshold-rule baseline.</summary>
/// <param name="Model">The calibrated classifier's evaluation.</param>
/// <param name="ThresholdRule">The threshold rule's evaluation on the same hours.</param>
/// <param name="Mase24h">Mean absolute error of the 24 h liquidity forecast over that of the 24 h naive (persistence) forecast.</param>
/// <param name="Coverage90">Share of 24 h outcomes inside the 90% interval.</param>
/// <param name="Refits">Number of model fits.</param>
/// <param name="FirstEvaluated">First evaluated hour, UTC.</param>
/// <param name="LastEvaluated">Last evaluated hour, UTC.</param>
public sealed record BacktestResult(
    WarningReport Model,
    WarningReport ThresholdRule,
    double Mase24h,
    double Coverage90,
    int Refits,
    DateTimeOffset FirstEvaluated,
    DateTimeOffset LastEvaluated)
{
    /// <summary>
    /// Recall, median lead, AUC-PR and Brier skill of the model and the rule with 90% intervals from a paired block
    /// bootstrap of the evaluated hours (<see cref="WarningBootstrap"/>); null when the backtest ran with 0 resamples.
    /// </summary>
    public WarningComparison? Uncertainty { get; init; }

    /// <summary>The model's hour-by-hour output on the evaluated hours, to resample again with other options.</summary>
    public IReadOnlyList<ScoredMarket> ModelScores { get; init; } = [];

    /// <summary>The threshold rule's output on the same hours.</summary>
    public IReadOnlyList<ScoredMarket> RuleScores { get; init; } = [];
}
