using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;

namespace Forecaster.Recommend;

/// <summary>
/// Sets a market's target liquid buffer from its liquidity risk and the worst replayed scenarios:
/// max(ES99 of the 24 h outflow, weight x the worst scenario's withdrawal demand on today's state) x (1 + margin),
/// never more than the deposits themselves. The profiles' weights and margins were set once, from their meaning (cover the
/// worst episode in full; a quarter of it; a tenth of it), not fitted to the replay.
/// </summary>
/// <param name="ScenarioWeight">Share of the worst scenario covered, in [0, 1].</param>
/// <param name="Margin">Safety margin, in [0, 1].</param>
public sealed record ReserveTargetPolicy(double ScenarioWeight, double Margin)
{
    /// <summary>The policy of a risk appetite profile.</summary>
    public static ReserveTargetPolicy For(RiskAppetite appetite) => appetite switch
    {
        RiskAppetite.Conservative => new(1.0, 0.25),
        RiskAppetite.Moderate => new(0.25, 0.10),
        RiskAppetite.Aggressive => new(0.10, 0.05),
        _ => throw new ArgumentOutOfRangeException(nameof(appetite), appetite, "Unknown risk appetite."),
    };

    /// <summary>The target for a market given its liquidity risk report and the scenarios to replay on it.</summary>
    public ReserveTarget Compute(LiquidityRiskReport report, IReadOnlyList<StressScenario> scenarios, RiskAppetite appetite)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(scenarios);
        var worst = scenarios.Select(s => StressTester.Apply(report.Current, s).WithdrawalDemandUsd).DefaultIfEmpty(0).Max();
        var target = Math.Min(Math.Max(report.Es99Outflow24hUsd, ScenarioWeight * worst) * (1 + Margin), report.Current.SuppliedUsd);
        return new ReserveTarget(report.Market.Name, report.AsOf, appetite, report.Es99Outflow24hUsd, worst, ScenarioWeight, Margin,
            target, Math.Max(report.Current.AvailableLiquidityUsd, 0));
    }
}
