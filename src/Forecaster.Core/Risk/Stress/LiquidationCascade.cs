namespace Forecaster.Risk.Stress;

/// <summary>
/// The liquidation feedback loop: a collateral price drop pushes positions below a health factor of 1; liquidators repay
/// part of their debt, seize collateral with a bonus, withdraw it from the reserve and sell it, which pushes the price
/// further down, which makes more positions liquidatable. Health factors are lognormal across positions; the price impact
/// of selling is linear in the market's depth. The loop is iterated to its fixed point.
/// The collateral reserve loses the seized collateral as withdrawals: that is how the price reaches its liquidity.
/// </summary>
public sealed class LiquidationCascade
{
    private const int MaximumRounds = 200;
    private readonly LiquidationCascadeOptions _options;

    /// <summary>Creates the model.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public LiquidationCascade(LiquidationCascadeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    /// <summary>Runs the loop from an exogenous price drop in [0, 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialDrop"/> is outside [0, 1).</exception>
    public CascadeResult Run(double initialDrop)
    {
        if (initialDrop is < 0 or >= 1 || double.IsNaN(initialDrop))
            throw new ArgumentOutOfRangeException(nameof(initialDrop), initialDrop, "initialDrop must be in [0, 1).");
        var drop = initialDrop;
        double seized = 0, liquidated = 0;
        for (var round = 1; round <= MaximumRounds; round++)
        {
            // Positions already below 1 at today's price were liquidated before today: only those the drop pushes under count.
            liquidated = _options.CloseFactor * (LiquidatableShare(1 - drop) - LiquidatableShare(1)) * _options.DebtUsd;
            seized = liquidated * (1 + _options.LiquidationBonus);
            // Price after the exogenous drop and the impact of all collateral sold so far (never below 1% of the start).
            var next = Math.Min(1 - (1 - initialDrop) * Math.Max(1 - seized / _options.DepthUsdPerPercent / 100, 0.01), 0.99);
            if (Math.Abs(next - drop) < 1e-10) return new CascadeResult(initialDrop, next, liquidated, seized, round);
            drop = next;
        }
        return new CascadeResult(initialDrop, drop, liquidated, seized, MaximumRounds);
    }

    /// <summary>
    /// The collateral reserve's available liquidity after the cascade from <paramref name="initialDrop"/>, and its first and
    /// second derivatives with respect to the price (delta and gamma, USD per unit of relative price), by central differences.
    /// </summary>
    public (double AvailableAfterUsd, double Delta, double Gamma) ReserveSensitivity(double availableUsd, double initialDrop, double step = 0.005)
    {
        double Available(double d) => availableUsd - Run(Math.Clamp(d, 0, 0.989)).SeizedCollateralUsd;
        // Price p = 1 - drop, so d/dp = -d/d(drop).
        var here = Available(initialDrop);
        var up = Available(initialDrop - step);
        var down = Available(initialDrop + step);
        return (here, (up - down) / (2 * step), (up - 2 * here + down) / (step * step));
    }

    // Share of debt in positions whose health factor falls below 1 when the price is multiplied by priceRatio.
    private double LiquidatableShare(double priceRatio)
    {
        if (priceRatio <= 0) return 1;
        var z = (Math.Log(1 / priceRatio) - Math.Log(_options.MedianHealthFactor)) / _options.HealthFactorDispersion;
        return NormalCdf(z);
    }

    // Abramowitz and Stegun 7.1.26 via erf; accurate to ~1e-7, plenty for a share of debt.
    private static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
