namespace Forecaster.Recommend;

/// <summary>How a market's asset counts as collateral.</summary>
/// <param name="Ltv">Loan-to-value: the most a new position may borrow per unit of collateral value, in (0, 1).</param>
/// <param name="LiquidationThreshold">Debt-to-collateral ratio at which a position can be liquidated (health factor 1), in [Ltv, 1).</param>
/// <param name="LiquidationBonus">Extra collateral a liquidator receives, as a share of the debt repaid, in [0, 0.5].</param>
public sealed record CollateralParameters(double Ltv, double LiquidationThreshold, double LiquidationBonus)
{
    /// <summary>Aave v2's WETH values (LTV 80%, liquidation threshold 82.5%, bonus 5%), assumed for volatile assets when the store holds none.</summary>
    public static CollateralParameters AaveV2Weth { get; } = new(0.80, 0.825, 0.05);
}
