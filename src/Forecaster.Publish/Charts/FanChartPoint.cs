namespace Forecaster.Publish.Charts;

/// <summary>One forecast time of a fan chart: the median and the 50% and 90% central bands, USD.</summary>
/// <param name="Time">The forecast instant (UTC).</param>
/// <param name="MedianUsd">Median forecast.</param>
/// <param name="Lower50Usd">Lower end of the 50% band.</param>
/// <param name="Upper50Usd">Upper end of the 50% band.</param>
/// <param name="Lower90Usd">Lower end of the 90% band.</param>
/// <param name="Upper90Usd">Upper end of the 90% band.</param>
public readonly record struct FanChartPoint(DateTimeOffset Time, double MedianUsd, double Lower50Usd, double Upper50Usd, double Lower90Usd, double Upper90Usd)
{
    /// <summary>True when the bands nest and contain the median: lower90 ≤ lower50 ≤ median ≤ upper50 ≤ upper90.</summary>
    public bool IsNested =>
        Lower90Usd <= Lower50Usd && Lower50Usd <= MedianUsd && MedianUsd <= Upper50Usd && Upper50Usd <= Upper90Usd;
}
