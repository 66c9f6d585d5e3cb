using Forecaster.Markets;
using Forecaster.Markets.RateCurves;

namespace Forecaster.Recommend;

/// <summary>
/// A market's governance parameters as they stand. Snapshot files do not carry them, so where the operator gives none
/// they are assumed from the asset's kind and say so (<see cref="Assumed"/>); proposals then mark them as assumptions.
/// </summary>
/// <param name="BorrowCapUsd">Borrow cap, USD.</param>
/// <param name="ReserveFactor">Share of interest kept by the protocol, in [0, 1).</param>
/// <param name="Slope2Pct">Rise of the borrow rate from the kink to full utilization, percent a year.</param>
/// <param name="OptimalUtilization">The kink, in (0, 1).</param>
/// <param name="BorrowingPaused">Whether new borrows are paused.</param>
/// <param name="Assumed">True when these values are assumptions, not read from the protocol.</param>
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
    /// Parameters for a market: <see cref="AssumedFor"/> with the kink and the slope above it taken from
    /// <paramref name="curve"/> (the market's estimated rate curve) when there is one.
    /// </summary>
    public static MarketParameters For(string asset, double borrowedUsd, RateCurveEstimate? curve)
    {
        var assumed = AssumedFor(asset, borrowedUsd);
        return curve is null ? assumed : assumed with { Slope2Pct = curve.Slope2Pct, OptimalUtilization = curve.OptimalUtilization, RateCurve = curve };
    }

    /// <summary>
    /// Parameters for a market as its own rates showed them at <paramref name="asOf"/> (hours after it are not read):
    /// <see cref="For(string, double, RateCurveEstimate?)"/> with <see cref="RateCurveEstimator.EstimateLatest"/>.
    /// </summary>
    public static MarketParameters AsOf(string asset, double borrowedUsd, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf) =>
        For(asset, borrowedUsd, RateCurveEstimator.Default.EstimateLatest(hours, asOf));

    /// <summary>
    /// Assumed parameters for a market: Aave-like defaults for stablecoins or volatile assets, cap at 1.5 times today's
    /// borrows; volatile assets are assumed to be collateral with Aave v2's WETH ratios.
    /// </summary>
    public static MarketParameters AssumedFor(string asset, double borrowedUsd)
    {
        var stable = IsStablecoin(asset);
        var curve = stable ? Simulation.InterestRateModel.Stablecoin : Simulation.InterestRateModel.Volatile;
        return new MarketParameters(Math.Max(borrowedUsd, 1) * 1.5, curve.ReserveFactor, curve.Slope2Pct, curve.OptimalUtilization, false, Assumed: true)
        {
            Collateral = stable ? null : CollateralParameters.AaveV2Weth,
        };
    }

    /// <summary>True for the dollar stablecoins Forecaster knows.</summary>
    public static bool IsStablecoin(string asset) =>
        asset.ToUpperInvariant() is "USDC" or "USDT" or "DAI" or "FRAX" or "LUSD" or "GHO" or "TUSD" or "BUSD" or "USDP" or "PYUSD";
}
