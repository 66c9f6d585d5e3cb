using System.Runtime.InteropServices;

namespace Forecaster.Modeling.Features;

/// <summary>
/// Utilization measured against the market's own recent past, so one scale fits markets that rest at different levels
/// (a market never seen in training included): where this hour ranks among the last 90 days, how far it is below their
/// peak, and how long ago the market was last in shortfall (episodes cluster: a market that ran dry last week is more
/// likely to again than one calm for months).
/// </summary>
/// <remarks>
/// Causality: each value at row i reads rows (i − window, i] only. Windows count rows (one row an hour).
/// </remarks>
internal static class MarketRelativeFeatures
{
    /// <summary>The trailing window: 90 days of hours, long enough to hold a quarter's calm and its stress.</summary>
    public const int Window = 90 * 24;

    /// <summary>
    /// Share of the trailing <paramref name="window"/> rows (this one included) whose utilization is at or below this
    /// hour's: 1 at a new 90-day high, near 0 at a low. Kept in a sorted copy of the window, so each row costs a binary
    /// search and one shift rather than a scan.
    /// </summary>
    public static double[] TrailingRank(double[] utilization, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var result = new double[utilization.Length];
        var sorted = new List<double>(Math.Min(window, utilization.Length) + 1);
        for (var i = 0; i < utilization.Length; i++)
        {
            if (i >= window) sorted.RemoveAt(SortedSearch.LowerBound(CollectionsMarshal.AsSpan(sorted), utilization[i - window]));
            sorted.Insert(SortedSearch.UpperBound(CollectionsMarshal.AsSpan(sorted), utilization[i]), utilization[i]);
            result[i] = SortedSearch.UpperBound(CollectionsMarshal.AsSpan(sorted), utilization[i]) / (double)sorted.Count;
        }
        return result;
    }

    /// <summary>The trailing <paramref name="window"/>'s highest utilization minus this hour's: 0 at the peak.</summary>
    public static double[] GapToTrailingMax(double[] utilization, int window)
    {
        var max = RollingWindow.Max(utilization, window);
        var result = new double[utilization.Length];
        for (var i = 0; i < result.Length; i++) result[i] = max[i] - utilization[i];
        return result;
    }

    /// <summary>
    /// ln(1 + hours since the last hour at or above <paramref name="shortfallUtilization"/>), this hour counting as 0 hours
    /// since; capped at <paramref name="cap"/> hours, the value of a market with no shortfall within the cap (or ever).
    /// On a log scale, because a shortfall 2 days ago against 5 days ago matters more than 60 days against 63.
    /// </summary>
    public static double[] LogHoursSinceShortfall(double[] utilization, double shortfallUtilization, int cap)
    {
        var result = new double[utilization.Length];
        var since = cap;
        for (var i = 0; i < utilization.Length; i++)
        {
            since = utilization[i] >= shortfallUtilization ? 0 : Math.Min(cap, since + 1);
            result[i] = Math.Log(1 + since);
        }
        return result;
    }
}
