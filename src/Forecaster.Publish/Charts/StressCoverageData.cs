namespace Forecaster.Publish.Charts;

/// <summary>Inputs of the stress-coverage chart: available liquidity against each scenario's outflow.</summary>
/// <param name="Title">Chart title.</param>
/// <param name="AvailableLiquidityUsd">Liquidity available now, USD.</param>
/// <param name="Scenarios">Scenarios, in the order to draw them (top first).</param>
/// <param name="Method">Where the scenarios come from, printed under the chart.</param>
public sealed record StressCoverageData(string Title, double AvailableLiquidityUsd, IReadOnlyList<StressBar> Scenarios, string Method)
{
    /// <summary>Coverage of a scenario: available liquidity over its outflow (1 = exactly survives); infinity when the outflow is zero.</summary>
    public double Coverage(StressBar scenario) =>
        scenario.OutflowUsd <= 0 ? double.PositiveInfinity : Math.Max(AvailableLiquidityUsd, 0) / scenario.OutflowUsd;
}
