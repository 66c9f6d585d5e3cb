namespace Forecaster.Risk.Stress;

/// <summary>Where a liquidation cascade settles.</summary>
/// <param name="InitialDrop">The exogenous price drop, as a share (0.2 = -20%).</param>
/// <param name="FinalDrop">The drop once liquidators' sales are absorbed, as a share.</param>
/// <param name="LiquidatedDebtUsd">Debt repaid by liquidators, USD.</param>
/// <param name="SeizedCollateralUsd">Collateral seized and withdrawn from the reserve to be sold, USD at the pre-shock price.</param>
/// <param name="Rounds">Rounds of the feedback loop until it settled.</param>
public sealed record CascadeResult(double InitialDrop, double FinalDrop, double LiquidatedDebtUsd, double SeizedCollateralUsd, int Rounds);
