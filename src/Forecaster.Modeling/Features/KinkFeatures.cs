using Forecaster.Markets;
using Forecaster.Markets.RateCurves;

namespace Forecaster.Modeling.Features;

/// <summary>
/// Utilization measured against the market's own kink. Markets rest at different natural utilizations (Aave v2 set the
/// stablecoins' kink at 80–90% and WETH's at 70%), so one utilization level means calm in one market and stress in
/// another; above its kink a market's borrow rate climbs steeply, which is when borrowers are paying to stay and
/// depositors are not being replaced. The kink is read from the market's own rates by <see cref="RateCurveEstimator"/>.
/// </summary>
/// <remarks>
/// Causality: the curve is re-estimated every 30 days (every <see cref="RefitHours"/> rows, the backtest's refit cadence)
/// from hours up to and including that row, and used from that row until the next re-estimate; when an estimate is
/// refused (utilization stayed below the kink lately, so it cannot be seen) the last accepted one stays in force, as a
/// reader at that hour would keep it. Before the first accepted estimate the kink is unknown (NaN). Monthly, because
/// governance changes curves every few months, while each estimate is a grid search over half a year of hours (weekly
/// re-estimates cost 8 CPU seconds a walk-forward, against its 60 s budget, for a feature the default does not read).
/// </remarks>
internal static class KinkFeatures
{
    /// <summary>Rows between re-estimates of the curve: 30 days of hours.</summary>
    public const int RefitHours = 720;

    /// <summary>Longest run <see cref="HoursSinceBelowKink"/> counts: one week.</summary>
    private const int Cap = 168;

    /// <summary>The kink in force at each hour, NaN before the first accepted estimate.</summary>
    public static double[] KinkInForce(IReadOnlyList<MarketHour> hours)
    {
        var kink = new double[hours.Count];
        var current = double.NaN;
        for (var i = 0; i < hours.Count; i++)
        {
            if (i % RefitHours == RefitHours - 1 && RateCurveEstimator.Default.Estimate(hours, hours[i].Hour) is { } estimate)
                current = estimate.OptimalUtilization;
            kink[i] = current;
        }
        return kink;
    }

    /// <summary>Utilization minus the kink in force; NaN while the kink is unknown.</summary>
    public static double[] DistanceAboveKink(double[] utilization, double[] kink)
    {
        var result = new double[utilization.Length];
        for (var i = 0; i < result.Length; i++) result[i] = utilization[i] - kink[i];
        return result;
    }

    /// <summary>Hours in the trailing <paramref name="window"/> (this one included) spent above the kink then in force; NaN while it is unknown.</summary>
    public static double[] HoursAboveKink(double[] utilization, double[] kink, int window)
    {
        var above = new double[utilization.Length];
        for (var i = 0; i < above.Length; i++) above[i] = utilization[i] > kink[i] ? 1 : 0;
        var counts = RollingWindow.Sum(above, window);
        for (var i = 0; i < counts.Length; i++)
            if (double.IsNaN(kink[i])) counts[i] = double.NaN;
        return counts;
    }

    /// <summary>
    /// Hours since utilization was last at or below the kink, capped at a week: 0 below it, growing while the market
    /// stays in the steep part of its curve (stress that persists rather than a passing spike); NaN while it is unknown.
    /// </summary>
    public static double[] HoursSinceBelowKink(double[] utilization, double[] kink)
    {
        var result = new double[utilization.Length];
        for (var i = 0; i < result.Length; i++)
        {
            if (double.IsNaN(kink[i])) result[i] = double.NaN;
            else if (utilization[i] <= kink[i]) result[i] = 0;
            else result[i] = Math.Min(Cap, (i > 0 && !double.IsNaN(result[i - 1]) ? result[i - 1] : 0) + 1);
        }
        return result;
    }
}
