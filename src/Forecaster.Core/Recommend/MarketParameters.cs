using Forecaster.Markets;
using Forecaster.Markets.RateCurves;
using Forecaster.Markets.ReserveFactors;

namespace Forecaster.Recommend;

/// <summary>
/// A market's governance parameters as they stand. Snapshot files do not carry them: the rate curve and the reserve factor
/// are read from the market's own rates where they show them (<see cref="RateCurve"/>, <see cref="ReserveFactorEstimate"/>),
/// the rest are assumed from the asset's kind and say so (<see cref="Assumed"/>), and a borrow cap, which no rate shows,
/// is unknown rather than invented.
/// </summary>
/// <param name="BorrowCapUsd">Borrow cap, USD; NaN when unknown (the data does not hold it; check on-chain).</param>
/// <param name="ReserveFactor">Share of interest kept by the protocol, in [0, 1).</param>
/// <param name="Slope2Pct">Rise of the borrow rate from the kink to full utilization, percent a year.</param>
/// <param name="OptimalUtilization">The kink, in (0, 1).</param>
/// <param name="BorrowingPaused">Whether new borrows are paused.</param>
/// <param name="Assumed">True when some of these values are assumptions, not read from the protocol or its rates.</param>
public sealed record MarketParameters(double BorrowCapUsd, double ReserveFactor, double Slope2Pct, double OptimalUtilization, bool BorrowingPaused, bool Assumed)
{
    /// <summary>How the asset counts as collateral, or null when it is not used as collateral (or not known to be).</summary>
    public CollateralParameters? Collateral { get; init; }

    /// <summary>
    /// The rate curve read from the market's own rates, when one was found: then <see cref="Slope2Pct"/> and
    /// <see cref="OptimalUtilization"/> are its values, not assumptions (the rest still may be, see <see cref="Assumed"/>).
    /// </summary>
    public RateCurveEstimate? RateCurve { get; init; }

    /// <summary>
    /// The reserve factor read from the market's own rates, when they gave one: then <see cref="ReserveFactor"/> is its value,
    /// not an assumption.
    /// </summary>
    public ReserveFactorEstimate? ReserveFactorEstimate { get; init; }

    /// <summary>
    /// Parameters for a market: <see cref="AssumedFor"/> with the kink and the slope above it taken from
    /// <paramref name="curve"/> and the reserve factor from <paramref name="reserveFactor"/> where they are known.
    /// </summary>
    public static MarketParameters For(string asset, RateCurveEstimate? curve, ReserveFactorEstimate? reserveFactor = null)
    {
        var parameters = AssumedFor(asset);
        if (curve is not null)
            parameters = parameters with { Slope2Pct = curve.Slope2Pct, OptimalUtilization = curve.OptimalUtilization, RateCurve = curve };
        if (reserveFactor is not null)
            parameters = parameters with { ReserveFactor = reserveFactor.ReserveFactor, ReserveFactorEstimate = reserveFactor };
        return parameters;
    }

    /// <summary>
    /// Parameters for a market as its own rates showed them at <paramref name="asOf"/> (hours after it are not read):
    /// <see cref="For"/> with <see cref="RateCurveEstimator.EstimateLatest"/> and <see cref="ReserveFactorEstimator.Estimate"/>.
    /// Proposals, the brief, the jobs and the replay all build parameters here.
    /// </summary>
    public static MarketParameters AsOf(string asset, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf) =>
        For(asset, RateCurveEstimator.Default.EstimateLatest(hours, asOf), ReserveFactorEstimator.Default.Estimate(hours, asOf));

    /// <summary>
    /// Assumed parameters for a market: Aave-like rate curve and reserve factor for stablecoins or volatile assets, no known
    /// borrow cap (NaN); volatile assets are assumed to be collateral with Aave v2's WETH ratios.
    /// </summary>
    public static MarketParameters AssumedFor(string asset)
    {
        var stable = IsStablecoin(asset);
        var curve = stable ? Simulation.InterestRateModel.Stablecoin : Simulation.InterestRateModel.Volatile;
        return new MarketParameters(double.NaN, curve.ReserveFactor, curve.Slope2Pct, curve.OptimalUtilization, false, Assumed: true)
        {
            Collateral = stable ? null : CollateralParameters.AaveV2Weth,
        };
    }

    /// <summary>True for the dollar stablecoins Forecaster knows.</summary>
    public static bool IsStablecoin(string asset) =>
        asset.ToUpperInvariant() is "USDC" or "USDT" or "DAI" or "FRAX" or "LUSD" or "GHO" or "TUSD" or "BUSD" or "USDP" or "PYUSD";
}
