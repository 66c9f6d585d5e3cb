using Forecaster.Risk.Collateral;

namespace Forecaster.Recommend;

/// <summary>The collateral ratios a market's price volatility and depth allow, and the numbers behind them.</summary>
/// <param name="Volatility">The price volatility used.</param>
/// <param name="Current">The ratios now.</param>
/// <param name="PriceMove">99% one-sided price drop over the liquidation horizon, as a share.</param>
/// <param name="DropAfterCascade">That drop deepened by the liquidations it triggers selling into the assumed depth.</param>
/// <param name="DebtUsd">Debt assumed to rest on the collateral, USD.</param>
/// <param name="Options">The rule's options (horizons, depth, assumptions).</param>
/// <param name="LiquidationThresholdCeiling">Highest liquidation threshold at which liquidations stay solvent after the cascade with the bonus paid: (1 − drop) / (1 + bonus).</param>
/// <param name="LtvCeiling">Highest LTV that leaves a 1-in-100 move over the reaction horizon before the threshold.</param>
public sealed record CollateralAdvice(PriceVolatility Volatility, CollateralParameters Current, double PriceMove, double DropAfterCascade, double DebtUsd,
    CollateralRatioOptions Options, double LiquidationThresholdCeiling, double LtvCeiling);
