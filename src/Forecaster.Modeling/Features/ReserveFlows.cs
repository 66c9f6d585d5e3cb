using Forecaster.Markets;

namespace Forecaster.Modeling.Features;

/// <summary>
/// Relative deposit and borrow changes for the early-warning features, measured by <see cref="DepositChange"/> and
/// <see cref="BorrowChange"/>: in tokens where the hours know their token balance, in USD otherwise. In USD a WETH reserve
/// whose tokens stay put "loses" deposits and borrows whenever ETH falls; a feature reading that would warn of a run, or
/// see borrowers leave, where only the price moved.
/// </summary>
/// <remarks>Causality: the value at row i reads rows i − lag and i only. Windows count rows (one row an hour).</remarks>
internal static class ReserveFlows
{
    private delegate double HourRatio(in MarketHour earlier, in MarketHour later);

    /// <summary>
    /// Deposits at row i over those <paramref name="lag"/> rows earlier, minus 1 (−0.3 = 30% left), against row 0 near the
    /// start; 0 where the earlier row has no deposits to compare with.
    /// </summary>
    public static double[] RelativeDepositChange(IReadOnlyList<MarketHour> hours, int lag) => RelativeChange(hours, lag, DepositChange.Ratio);

    /// <summary>
    /// Borrows at row i over those <paramref name="lag"/> rows earlier, minus 1 (0.1 = 10% more), against row 0 near the
    /// start; 0 where the earlier row has no borrows to compare with.
    /// </summary>
    public static double[] RelativeBorrowChange(IReadOnlyList<MarketHour> hours, int lag) => RelativeChange(hours, lag, BorrowChange.Ratio);

    /// <summary>What left in the hour ending at row i, valued at the previous hour's price, USD; 0 at row 0 and when deposits grew.</summary>
    public static double[] HourlyOutflowUsd(IReadOnlyList<MarketHour> hours)
    {
        var result = new double[hours.Count];
        for (var i = 1; i < hours.Count; i++) result[i] = Math.Max(0, DepositChange.OutflowUsd(hours[i - 1], hours[i]));
        return result;
    }

    private static double[] RelativeChange(IReadOnlyList<MarketHour> hours, int lag, HourRatio ratioOf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lag, 1);
        var result = new double[hours.Count];
        for (var i = 0; i < hours.Count; i++)
        {
            var ratio = ratioOf(hours[Math.Max(0, i - lag)], hours[i]);
            result[i] = double.IsNaN(ratio) ? 0 : ratio - 1;
        }
        return result;
    }
}
