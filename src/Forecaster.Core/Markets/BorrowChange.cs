namespace Forecaster.Markets;

/// <summary>
/// How a market's borrows changed between two hours, in tokens where <see cref="DepositChange"/> measures the deposits in
/// tokens and both hours hold deposits to price them, in USD otherwise, never one unit at one end and the other at the
/// other end. Hours carry no borrowed token balance, but borrows are in the deposits' asset at the same hour's price, so
/// borrowed tokens are the deposit tokens times the hour's raw utilization (<c>BorrowedUsd / SuppliedUsd</c>, a ratio in
/// which the price cancels). In tokens the ETH price halving leaves a WETH reserve's borrows unchanged.
/// </summary>
public static class BorrowChange
{
    /// <summary>
    /// True when the change from <paramref name="earlier"/> to <paramref name="later"/> is measured in tokens: the
    /// deposits' test (<see cref="DepositChange.InTokens"/>) and deposits at both hours, without which an hour has no price.
    /// </summary>
    public static bool InTokens(in MarketHour earlier, in MarketHour later) =>
        DepositChange.InTokens(earlier, later) && earlier.SuppliedUsd > 0 && later.SuppliedUsd > 0 && later.SuppliedTokens > 0;

    /// <summary>
    /// Later borrows over earlier borrows (1 = unchanged, 1.1 = 10% more); NaN when the earlier hour has no borrows. In USD
    /// this is exactly <c>later.BorrowedUsd / earlier.BorrowedUsd</c>.
    /// </summary>
    public static double Ratio(in MarketHour earlier, in MarketHour later)
    {
        if (earlier.BorrowedUsd <= 0) return double.NaN;
        return InTokens(earlier, later)
            ? DepositChange.Ratio(earlier, later) * (later.RawUtilization / earlier.RawUtilization)
            : later.BorrowedUsd / earlier.BorrowedUsd;
    }

    /// <summary>
    /// The later borrows valued at the earlier hour's price, USD: the later deposits at that price times the later raw
    /// utilization, or in USD exactly <c>later.BorrowedUsd</c>.
    /// </summary>
    public static double LaterAtEarlierPriceUsd(in MarketHour earlier, in MarketHour later) =>
        InTokens(earlier, later) ? DepositChange.LaterAtEarlierPriceUsd(earlier, later) * later.RawUtilization : later.BorrowedUsd;
}
