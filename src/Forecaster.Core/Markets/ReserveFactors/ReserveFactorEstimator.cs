using Forecaster.Risk;

namespace Forecaster.Markets.ReserveFactors;

/// <summary>
/// Reads a market's reserve factor from its own rates, so proposals need not assume it. Depositors receive the interest
/// borrowers pay less the protocol's share: supply rate = borrow rate x utilization x (1 - reserve factor), so each hour
/// gives reserve factor = 1 - supply rate / (variable borrow rate x utilization).
/// </summary>
/// <remarks>
/// Snapshot files carry the variable borrow rate only. Where part of the debt pays a stable rate above the variable one,
/// depositors earn more than the variable rate implies and the estimate comes out low (below zero where much of the
/// debt is stable); it is exact where all debt is variable. Governance moves reserve factors in steps, so only the
/// latest week is read, and the answer is refused (null) when its hours disagree or the median is not a reserve factor.
/// </remarks>
public sealed class ReserveFactorEstimator
{
    /// <summary>Defaults: the last 7 days, at least 24 fresh hours, middle half within 2.5 points.</summary>
    public static ReserveFactorEstimator Default { get; } = new();

    /// <summary>
    /// How far back from the as-of hour the estimate looks: a week. During Aave v2's wind-down reserve factors rose about
    /// once a month, so a month-long window would usually straddle two values; a week holds one and, even in markets where
    /// most hours are forward-filled, dozens of fresh hours.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Fewest fresh hours the estimate needs: a day's worth.</summary>
    public int MinimumHours { get; init; } = 24;

    /// <summary>
    /// Widest accepted interquartile range of the hours' estimates, as a share: half of the 5-point step reserve factors
    /// are set in, so hours that agree this closely point to one value.
    /// </summary>
    public double MaximumSpread { get; init; } = 0.025;

    /// <summary>The reserve factor in force at <paramref name="asOf"/>; null when the hours do not give one.</summary>
    /// <param name="hours">A market's hours in time order.</param>
    /// <param name="asOf">Hours after it are never read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    public ReserveFactorEstimate? Estimate(IReadOnlyList<MarketHour> hours, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var from = asOf - Window;
        var used = hours.Where(h => h.Hour > from && h.Hour <= asOf && h.IsFreshReading()
                                    && h.SuppliedUsd > 0 && h.BorrowedUsd > 0 && h.BorrowRatePct > 0 && double.IsFinite(h.SupplyRatePct))
            .ToList();
        if (used.Count < MinimumHours) return null;
        var estimates = used.Select(h => 1 - h.SupplyRatePct / (h.BorrowRatePct * h.RawUtilization)).Order().ToList();
        var median = Quantile.OfSorted(estimates, 0.5);
        var spread = Quantile.OfSorted(estimates, 0.75) - Quantile.OfSorted(estimates, 0.25);
        if (spread > MaximumSpread || median is < 0 or >= 1) return null;
        return new ReserveFactorEstimate(median, spread, used.Count, used[0].Hour, used[^1].Hour);
    }
}
