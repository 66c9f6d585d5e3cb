using Forecaster.Risk.Collateral;
using Forecaster.Risk.Stress;

namespace Forecaster.Recommend;

/// <summary>
/// Volatility- and depth-adjusted collateral ratios, the way risk providers size them: a liquidation must stay solvent
/// through the price move that can happen while it runs. With hourly volatility sigma and a liquidation horizon of H
/// hours, the 99% one-sided drop of a lognormal price is d = 1 − exp(−z·sigma·sqrt(H)); liquidating the positions that
/// drop pushes under a health factor of 1 sells the seized collateral into the market's depth and deepens it
/// (<see cref="LiquidationCascade"/>), to D. The liquidator repays debt and takes collateral worth (1 + bonus) times it,
/// so a position at the threshold stays covered when LT · (1 + bonus) ≤ 1 − D. The LTV leaves room for a 1-in-100 move
/// over the reaction horizon R before that threshold: LTV ≤ LT · exp(−z·sigma·sqrt(R)).
/// These are ceilings: the rule ignores jumps, oracle delays and correlation between collateral and debt, so it may
/// tighten parameters but never loosens them (loosening needs its own case).
/// </summary>
public static class CollateralRatioPolicy
{
    /// <summary>The ceilings for a collateral asset.</summary>
    /// <param name="current">Its ratios now.</param>
    /// <param name="volatility">Its price volatility.</param>
    /// <param name="depositsUsd">The market's deposits of the asset, USD: the collateral whose debt may be liquidated.</param>
    /// <param name="options">Horizons, depth and assumptions; null for the defaults.</param>
    public static CollateralAdvice Advise(CollateralParameters current, PriceVolatility volatility, double depositsUsd, CollateralRatioOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(volatility);
        options ??= new CollateralRatioOptions();
        if (depositsUsd <= 0 || !double.IsFinite(depositsUsd)) throw new ArgumentOutOfRangeException(nameof(depositsUsd), depositsUsd, "depositsUsd must be positive.");
        var sigma = volatility.Hourly;
        var move = 1 - Math.Exp(-options.Z * sigma * Math.Sqrt(options.LiquidationHorizon.TotalHours));
        var debt = depositsUsd * current.LiquidationThreshold * options.BorrowingPowerUsed;
        var cascade = new LiquidationCascade(new LiquidationCascadeOptions(debt, options.MedianHealthFactor, options.HealthFactorDispersion,
            options.CloseFactor, current.LiquidationBonus, options.DepthUsdPerPercent)).Run(Math.Min(move, 0.95));
        var drop = Math.Max(cascade.FinalDrop, move);
        var lt = (1 - drop) / (1 + current.LiquidationBonus);
        var ltv = lt * Math.Exp(-options.Z * sigma * Math.Sqrt(options.ReactionHorizon.TotalHours));
        return new CollateralAdvice(volatility, current, move, drop, debt, options, lt, ltv);
    }
}
