namespace Forecaster.Modeling.Features;

/// <summary>
/// Prices that bear on every lending market: ETH (the main collateral: when it falls, borrowers are liquidated or repay
/// and depositors move) and the dollar stablecoins (a depeg sends holders to swap or withdraw).
/// </summary>
/// <param name="Eth">ETH (or WETH) in USD.</param>
/// <param name="Stablecoins">Tokens meant to be worth $1.</param>
public sealed record MarketPrices(PriceSeries Eth, IReadOnlyList<PriceSeries> Stablecoins);
