namespace Forecaster.Simulation;

/// <summary>
/// The kinked ("jump rate") interest-rate curve Aave and Compound use: the borrow rate rises gently with utilization up to
/// the optimal utilization (the kink), then steeply, to pull utilization back below it.
/// </summary>
/// <param name="BaseRatePct">Borrow rate at zero utilization, percent a year.</param>
/// <param name="Slope1Pct">Rise of the borrow rate from zero to optimal utilization, percent a year.</param>
/// <param name="Slope2Pct">Rise of the borrow rate from optimal to full utilization, percent a year.</param>
/// <param name="OptimalUtilization">The kink, in (0, 1).</param>
/// <param name="ReserveFactor">Share of interest kept by the protocol, in [0, 1).</param>
public sealed record InterestRateModel(double BaseRatePct, double Slope1Pct, double Slope2Pct, double OptimalUtilization, double ReserveFactor)
{
    /// <summary>A typical stablecoin curve: kink at 90%, 4% then 60%.</summary>
    public static InterestRateModel Stablecoin { get; } = new(0, 4, 60, 0.90, 0.10);

    /// <summary>A typical volatile-asset curve: kink at 80%, 3.5% then 80%.</summary>
    public static InterestRateModel Volatile { get; } = new(0, 3.5, 80, 0.80, 0.15);

    /// <summary>The typical curve of an asset: <see cref="Stablecoin"/> for USD stablecoins, <see cref="Volatile"/> otherwise.</summary>
    public static InterestRateModel ForAsset(string asset) => SimulatedMarketNames.IsStablecoin(asset) ? Stablecoin : Volatile;

    /// <summary>Borrow rate at a utilization (clipped to [0, 1]), percent a year.</summary>
    public double BorrowRatePct(double utilization)
    {
        var u = Math.Clamp(utilization, 0, 1);
        return u <= OptimalUtilization
            ? BaseRatePct + Slope1Pct * u / OptimalUtilization
            : BaseRatePct + Slope1Pct + Slope2Pct * (u - OptimalUtilization) / (1 - OptimalUtilization);
    }

    /// <summary>Supply rate at a utilization: borrowers' interest shared among depositors, less the reserve factor; percent a year.</summary>
    public double SupplyRatePct(double utilization) =>
        BorrowRatePct(utilization) * Math.Clamp(utilization, 0, 1) * (1 - ReserveFactor);
}
