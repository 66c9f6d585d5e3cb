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
    DateTimeOffset LastEvaluated);
