namespace Forecaster.Publish.Charts;

/// <summary>
/// Inputs of the available-liquidity fan chart. Any forecaster fills it: today the baseline's empirical quantiles,
/// later the models of issue 3.
/// </summary>
/// <param name="Title">Chart title (the market; simulated markets say so).</param>
/// <param name="HistoryTimes">Observed hours, in time order.</param>
/// <param name="HistoryUsd">Observed available liquidity at those hours, USD.</param>
/// <param name="Forecast">Forecast points in time order, the first usually the as-of hour itself (zero-width bands).</param>
/// <param name="ShortfallLevelUsd">Available liquidity at or below which the market is in shortfall, USD.</param>
/// <param name="Method">Which model produced the forecast, printed under the chart.</param>
public sealed record FanChartData(
    string Title,
    IReadOnlyList<DateTimeOffset> HistoryTimes,
    IReadOnlyList<double> HistoryUsd,
    IReadOnlyList<FanChartPoint> Forecast,
    double ShortfallLevelUsd,
    string Method)
{
    /// <summary>Checks the data can be drawn honestly.</summary>
    /// <exception cref="ArgumentException">Lengths differ, there is nothing to draw, or a point's bands do not contain its median.</exception>
    public void Validate()
    {
        if (HistoryTimes.Count != HistoryUsd.Count)
            throw new ArgumentException($"History has {HistoryTimes.Count} times but {HistoryUsd.Count} values.", nameof(HistoryUsd));
        if (Forecast.Count == 0)
            throw new ArgumentException("A fan chart needs at least one forecast point.", nameof(Forecast));
        for (var i = 0; i < Forecast.Count; i++)
        {
            if (!Forecast[i].IsNested)
                throw new ArgumentException($"Forecast point {i} ({Forecast[i].Time:yyyy-MM-dd HH:mm} UTC): bands must nest around the median (lower90 ≤ lower50 ≤ median ≤ upper50 ≤ upper90).", nameof(Forecast));
            if (i > 0 && Forecast[i].Time <= Forecast[i - 1].Time)
                throw new ArgumentException($"Forecast point {i} is not after point {i - 1}.", nameof(Forecast));
        }
    }
}
