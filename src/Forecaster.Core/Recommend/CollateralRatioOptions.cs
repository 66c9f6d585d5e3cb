namespace Forecaster.Recommend;

/// <summary>
/// Options of <see cref="CollateralRatioPolicy"/>. Every default is chosen from its meaning, not fitted: see each one.
/// </summary>
public sealed record CollateralRatioOptions
{
    /// <summary>One-sided confidence of the price move the buffer must cover: 99% (z = 2.326), the level of the reserve buffers.</summary>
    public double Z { get; init; } = 2.3263478740408408;

    /// <summary>
    /// How long a liquidation may take from trigger to the seized collateral being sold: a stressed day. On a congested
    /// chain liquidators are delayed for hours (March 2020) and large seizures are unwound over the day.
    /// </summary>
    public TimeSpan LiquidationHorizon { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a borrower opening at the maximum LTV is given before the position reaches the liquidation threshold in a 1-in-100 move: one day to notice and add collateral.</summary>
    public TimeSpan ReactionHorizon { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Market depth of the collateral: USD of selling that moves its price down 1%. Not in the shared data: an assumption
    /// (ETH order books hold tens of millions of USD within 1% across large venues; the low end is taken) that every
    /// proposal states. Lower depth deepens the liquidation cascade and tightens the ratios.
    /// </summary>
    public double DepthUsdPerPercent { get; init; } = 50e6;

    /// <summary>Share of the collateral's borrowing power in use, which sizes the debt resting on it: an assumption (half), stated in proposals.</summary>
    public double BorrowingPowerUsed { get; init; } = 0.5;

    /// <summary>Median health factor of positions on the collateral: an assumption (1.5), stated in proposals.</summary>
    public double MedianHealthFactor { get; init; } = 1.5;

    /// <summary>Log-dispersion of health factors across positions: an assumption (0.35), stated in proposals.</summary>
    public double HealthFactorDispersion { get; init; } = 0.35;

    /// <summary>Aave v2's close factor: half of a position's debt per liquidation.</summary>
    public double CloseFactor { get; init; } = 0.5;

    /// <summary>Smallest tightening worth a proposal: half a percentage point; less is within the volatility estimate's noise.</summary>
    public double MinimumChange { get; init; } = 0.005;
}
