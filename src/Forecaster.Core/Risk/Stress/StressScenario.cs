namespace Forecaster.Risk.Stress;

/// <summary>
/// A real episode from the data, kept as relative shocks so it can be replayed on any market's state today.
/// </summary>
/// <param name="Name">What it is, e.g. "largest 1 h deposit outflow".</param>
/// <param name="SourceMarket">The market it happened in.</param>
/// <param name="Start">The first hour of the episode's window.</param>
/// <param name="Horizon">The window's length.</param>
/// <param name="DepositOutflowShare">Share of deposits that left over the window, in [0, 1].</param>
/// <param name="UtilizationJump">Rise of utilization over the window, in [-1, 1].</param>
public sealed record StressScenario(string Name, string SourceMarket, DateTimeOffset Start, TimeSpan Horizon, double DepositOutflowShare, double UtilizationJump)
{
    /// <summary>
    /// The source market's deposits when the episode began, USD, or null when not recorded (JSON payloads carry no NaN): a share that left a small market
    /// weighs differently as evidence than the same share leaving a large one, so proposals show it beside the replay.
    /// </summary>
    public double? SourceDepositsUsd { get; init; }
}
