using Forecaster.Markets;

namespace Forecaster.Risk;

/// <summary>What the brief says about one market at one as-of hour.</summary>
/// <param name="Market">The market.</param>
/// <param name="AsOf">The hour the assessment is made at; nothing after it was used.</param>
/// <param name="Current">The market's state at <paramref name="AsOf"/>.</param>
/// <param name="Forecasts">Available-liquidity forecasts, one per horizon, shortest first.</param>
/// <param name="ShortfallProbability24h">Probability that utilization reaches the shortfall level within 24 h, in [0, 1].</param>
/// <param name="Status">Traffic light.</param>
/// <param name="Method">Which model produced the numbers, for the reader.</param>
public sealed record MarketRiskAssessment(
    Market Market,
    DateTimeOffset AsOf,
    MarketHour Current,
    IReadOnlyList<LiquidityForecast> Forecasts,
    double ShortfallProbability24h,
    MarketStatus Status,
    string Method);
