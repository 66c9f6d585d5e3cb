namespace Forecaster.Publish.Charts;

/// <summary>One bar of the stress coverage chart: a named outflow the reserve should survive.</summary>
/// <param name="Name">Short name shown on the chart, e.g. "Worst 24 h outflow (180 d)".</param>
/// <param name="OutflowUsd">Liquidity the scenario drains, USD, positive.</param>
public readonly record struct StressBar(string Name, double OutflowUsd);
