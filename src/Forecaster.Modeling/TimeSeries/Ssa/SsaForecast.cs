namespace Forecaster.Modeling.TimeSeries.Ssa;

/// <summary>A forecast over a horizon: point forecast and interval bounds, one entry per step ahead (step 1 first).</summary>
/// <param name="Forecast">Point forecasts.</param>
/// <param name="Lower">Lower interval bounds at the engine's confidence level.</param>
/// <param name="Upper">Upper interval bounds at the engine's confidence level.</param>
public sealed record SsaForecast(double[] Forecast, double[] Lower, double[] Upper);
