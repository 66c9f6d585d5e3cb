namespace Forecaster.Risk.Liquidity;

/// <summary>
/// One hour of the variance recursion behind filtered historical simulation:
/// s2' = (1 - persistence) x long-run + reaction x r2 + (persistence - reaction) x s2.
/// With persistence 1 it is an EWMA (lambda = 1 - reaction) that forgets any level; below 1 it is GARCH(1,1) with variance
/// targeting: after a stress the excess over the long-run level decays by persistence each hour, and a long calm cannot
/// drive the variance towards zero.
/// </summary>
/// <param name="Reaction">Weight of the latest squared change, in (0, persistence).</param>
/// <param name="Persistence">Share of the excess over the long-run level kept each hour, in (0, 1].</param>
/// <param name="LongRunVariance">The level the variance returns to (hourly), non-negative.</param>
public readonly record struct VarianceRecursion(double Reaction, double Persistence, double LongRunVariance)
{
    /// <summary>The next hour's variance (never below 1e-12, so standardising stays finite).</summary>
    public double Next(double variance, double squaredChange) =>
        Math.Max((1 - Persistence) * LongRunVariance + Reaction * squaredChange + (Persistence - Reaction) * variance, 1e-12);
}
