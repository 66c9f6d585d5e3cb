using System.Runtime.InteropServices;

namespace Forecaster.Modeling.Features;

/// <summary>
/// The holder columns measured against the market's own past, so that one threshold fits markets of any make-up: a
/// market that is always concentrated reads as normal, a market becoming concentrated, or whose reserve is shrinking
/// against its largest holder, reads as stress. The levels (<see cref="HolderFeatures"/>) differ more between markets
/// than within one over time, which is why a threshold set on the training markets alerted on most hours of a more
/// concentrated test market. Chosen from that meaning before any figure was measured:
/// <list type="bullet">
/// <item>holders_top1_share_minus_median_30d: the largest holder's share minus its median over the trailing 30 days, for a
/// whale building a position, the setup for the single large exit;</item>
/// <item>log_liquidity_over_largest_holder_change_24h: the 24 h change of ln(available liquidity / largest holder), the
/// target's horizon, for a reserve draining against the whale (or the whale growing against the reserve) now;</item>
/// <item>log_liquidity_over_largest_holder_minus_median_30d: that coverage minus its trailing 30-day median, for the same
/// drift when it is slower than a day.</item>
/// </list>
/// 30 days is long enough that a day's stress does not become the market's normal, short enough to follow a market's
/// make-up as it changes. Medians rather than means, because the coverage has outliers (an empty reserve floors at $1).
/// </summary>
/// <remarks>
/// Causality: the value at row i reads the level columns at rows (i − window, i] only, and those are causal themselves.
/// NaN where this hour's level is NaN (holders unknown, no holder yet, no price), and the 24 h change also where the
/// level 24 rows back is (near the start: the first row); the medians skip NaN rows of their window.
/// </remarks>
internal static class HolderTrendFeatures
{
    /// <summary>The trailing window of the medians: 30 days of hours.</summary>
    public const int MedianWindow = 30 * 24;

    /// <summary>The lag of the change: the early warning's 24 h horizon.</summary>
    public const int ChangeLag = 24;

    /// <summary>Columns in the builder's order, from the level columns of <see cref="HolderFeatures.Columns"/>.</summary>
    public static double[][] Columns(double[] top1Share, double[] coverage) =>
    [
        MinusTrailingMedian(top1Share, MedianWindow),
        RollingWindow.Change(coverage, ChangeLag),
        MinusTrailingMedian(coverage, MedianWindow),
    ];

    /// <summary>
    /// x[i] minus the median of the known values among rows (i − window, i], this row included; NaN where x[i] is.
    /// A sorted copy of the window's known values costs a binary search and a shift per row rather than a sort.
    /// </summary>
    public static double[] MinusTrailingMedian(double[] x, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var result = new double[x.Length];
        var sorted = new List<double>(Math.Min(window, x.Length) + 1);
        for (var i = 0; i < x.Length; i++)
        {
            if (i >= window && !double.IsNaN(x[i - window]))
                sorted.RemoveAt(SortedSearch.LowerBound(CollectionsMarshal.AsSpan(sorted), x[i - window]));
            if (double.IsNaN(x[i]))
            {
                result[i] = double.NaN;
                continue;
            }
            sorted.Insert(SortedSearch.UpperBound(CollectionsMarshal.AsSpan(sorted), x[i]), x[i]);
            var n = sorted.Count;
            var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            result[i] = x[i] - median;
        }
        return result;
    }
}
