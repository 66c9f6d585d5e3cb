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

    /// <summary>
    /// The episode as seen on a market of <paramref name="depositsUsd"/>: both shocks scaled by
    /// min(1, (<see cref="SourceDepositsUsd"/> / depositsUsd)^<paramref name="exponent"/>), so an episode from a smaller source
    /// weighs less and one from a larger source is kept whole (the replay's <c>size-aware-scenarios</c> basis).
    /// </summary>
    /// <param name="depositsUsd">The deposits of the market it is replayed on, USD.</param>
    /// <param name="exponent">How fast the shock shrinks with the size ratio, at least 0.</param>
    /// <exception cref="InvalidOperationException">The source's deposits were not recorded.</exception>
    public StressScenario ScaledTo(double depositsUsd, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exponent);
        if (SourceDepositsUsd is not { } source || !(source > 0))
            throw new InvalidOperationException($"Scenario '{Name}' from {SourceMarket} at {Start:u} has no source deposits, so it cannot be scaled to a market's size.");
        if (!(depositsUsd > source)) return this;
        var factor = Math.Pow(source / depositsUsd, exponent);
        return this with { DepositOutflowShare = DepositOutflowShare * factor, UtilizationJump = UtilizationJump * factor };
    }
}
