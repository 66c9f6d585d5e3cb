namespace Forecaster.Risk.Stress;

/// <summary>
/// The collateral side of a market for <see cref="LiquidationCascade"/>: how much debt rests on the collateral, how far
/// positions are from liquidation, and how deep the market is that absorbs liquidators' sales.
/// </summary>
/// <param name="DebtUsd">Debt backed by the collateral asset, USD; positive.</param>
/// <param name="MedianHealthFactor">Median health factor of those positions (1 = liquidatable); above 1.</param>
/// <param name="HealthFactorDispersion">Log-standard deviation of health factors across positions; positive.</param>
/// <param name="CloseFactor">Share of a position's debt a liquidator may repay at once, in (0, 1].</param>
/// <param name="LiquidationBonus">Extra collateral a liquidator receives, as a share of the debt repaid, in [0, 0.5].</param>
/// <param name="DepthUsdPerPercent">USD of selling that moves the collateral's price down by 1%; positive.</param>
public sealed record LiquidationCascadeOptions(
    double DebtUsd,
    double MedianHealthFactor,
    double HealthFactorDispersion,
    double CloseFactor,
    double LiquidationBonus,
    double DepthUsdPerPercent)
{
    /// <summary>Checks every option, naming the first out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (DebtUsd <= 0) throw new ArgumentOutOfRangeException(nameof(DebtUsd), DebtUsd, "DebtUsd must be positive.");
        if (MedianHealthFactor <= 1) throw new ArgumentOutOfRangeException(nameof(MedianHealthFactor), MedianHealthFactor, "MedianHealthFactor must be above 1.");
        if (HealthFactorDispersion <= 0) throw new ArgumentOutOfRangeException(nameof(HealthFactorDispersion), HealthFactorDispersion, "HealthFactorDispersion must be positive.");
        if (CloseFactor is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(CloseFactor), CloseFactor, "CloseFactor must be in (0, 1].");
        if (LiquidationBonus is < 0 or > 0.5) throw new ArgumentOutOfRangeException(nameof(LiquidationBonus), LiquidationBonus, "LiquidationBonus must be in [0, 0.5].");
        if (DepthUsdPerPercent <= 0) throw new ArgumentOutOfRangeException(nameof(DepthUsdPerPercent), DepthUsdPerPercent, "DepthUsdPerPercent must be positive.");
    }
}
