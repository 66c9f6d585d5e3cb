namespace Forecaster.Risk.Stress;

/// <summary>A scenario replayed on one market's current state. Borrows are held fixed: they cannot be recalled in hours.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="WithdrawalDemandUsd">What depositors would try to withdraw, USD.</param>
/// <param name="AvailableAfterUsd">Available liquidity left after meeting what can be met, USD (never below 0).</param>
/// <param name="ShortfallUsd">Withdrawals that could not be met, USD (0 when the reserve holds).</param>
/// <param name="UtilizationAfter">Utilization afterwards, in [0, 1].</param>
/// <param name="Coverage">Available liquidity before the shock over the withdrawal demand (infinite when there is none).</param>
public sealed record StressOutcome(StressScenario Scenario, double WithdrawalDemandUsd, double AvailableAfterUsd, double ShortfallUsd, double UtilizationAfter, double Coverage);
