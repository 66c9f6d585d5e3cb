namespace Forecaster.Markets;

/// <summary>
/// How a market's deposits changed between two hours, in tokens where both hours know their token balance and in USD
/// otherwise, never one unit at one end and the other at the other end. In tokens a price move is no deposit move: the
/// ETH price halving leaves a WETH reserve's tokens, and what depositors can withdraw of them, unchanged.
/// </summary>
public static class DepositChange
{
    /// <summary>True when the change from <paramref name="earlier"/> to <paramref name="later"/> is measured in tokens.</summary>
    public static bool InTokens(in MarketHour earlier, in MarketHour later) =>
        earlier.SuppliedTokens > 0 && double.IsFinite(earlier.SuppliedTokens) && later.SuppliedTokens >= 0 && double.IsFinite(later.SuppliedTokens);

    /// <summary>
    /// Later deposits over earlier deposits (1 = unchanged, 0.7 = 30% left); NaN when the earlier hour has no deposits in the
    /// unit used. In USD this is exactly <c>later.SuppliedUsd / earlier.SuppliedUsd</c>.
    /// </summary>
    public static double Ratio(in MarketHour earlier, in MarketHour later)
    {
        if (InTokens(earlier, later)) return later.SuppliedTokens / earlier.SuppliedTokens;
        return earlier.SuppliedUsd > 0 ? later.SuppliedUsd / earlier.SuppliedUsd : double.NaN;
    }

    /// <summary>
    /// The later deposits valued at the earlier hour's price, USD: the earlier deposits times the tokens' ratio, or in USD
    /// exactly <c>later.SuppliedUsd</c>.
    /// </summary>
    public static double LaterAtEarlierPriceUsd(in MarketHour earlier, in MarketHour later) =>
        InTokens(earlier, later) ? earlier.SuppliedUsd * (later.SuppliedTokens / earlier.SuppliedTokens) : later.SuppliedUsd;

    /// <summary>
    /// What left between the two hours valued at the earlier hour's price, USD (negative when deposits grew); in USD
    /// exactly <c>earlier.SuppliedUsd - later.SuppliedUsd</c>.
    /// </summary>
    public static double OutflowUsd(in MarketHour earlier, in MarketHour later) => earlier.SuppliedUsd - LaterAtEarlierPriceUsd(earlier, later);
}
