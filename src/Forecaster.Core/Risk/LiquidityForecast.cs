namespace Forecaster.Risk;

/// <summary>A forecast of a market's available liquidity at one horizon, with a central interval.</summary>
/// <param name="Horizon">How far ahead of the as-of hour.</param>
/// <param name="MedianUsd">Median forecast of available liquidity, USD.</param>
/// <param name="LowerUsd">Lower end of the interval, USD.</param>
/// <param name="UpperUsd">Upper end of the interval, USD.</param>
/// <param name="Coverage">Nominal share of outcomes the interval should contain, in (0, 1).</param>
public readonly record struct LiquidityForecast(TimeSpan Horizon, double MedianUsd, double LowerUsd, double UpperUsd, double Coverage);
