using Forecaster.Markets;

namespace Forecaster.Risk.Liquidity;

/// <summary>A market's liquidity risk at one as-of hour.</summary>
/// <param name="Market">The market.</param>
/// <param name="AsOf">The as-of hour; nothing after it was used.</param>
/// <param name="Current">The market's state then.</param>
/// <param name="Outflows">Tail risk per horizon and method.</param>
/// <param name="Es99Outflow24hUsd">ES99 of the 24 h outflow by filtered historical simulation (conditional on today's volatility), in USD of today's deposits: the outflow the buffer must meet.</param>
/// <param name="LiquidityCoverage">Available liquidity over <paramref name="Es99Outflow24hUsd"/>: below 1, a 1-in-100 day would exhaust the reserve.</param>
public sealed record LiquidityRiskReport(
    Market Market,
    DateTimeOffset AsOf,
    MarketHour Current,
    IReadOnlyList<OutflowRisk> Outflows,
    double Es99Outflow24hUsd,
    double LiquidityCoverage);
