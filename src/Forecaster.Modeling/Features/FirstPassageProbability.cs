using Forecaster.Markets;
using MathNet.Numerics.Distributions;

namespace Forecaster.Modeling.Features;

/// <summary>
/// Probability that utilization reaches the shortfall level U within the next H hours, as a first-passage problem
/// solved by filtered historical simulation: no fitting, only the market's own past up to t.
/// </summary>
/// <remarks>
/// <para>
/// Method. Utilization u is mapped to x = −ln(1 − u), so the shortfall line is a fixed barrier b = −ln(1 − U) and a
/// step toward full utilization counts for more the closer it is (as the depositors' exit does). For every past hour s
/// the rise of x over the next H hours, max over (s, s + H] of x minus x_s, is divided by the volatility of x known at
/// s. At hour t the probability is the share of those standardised rises that, multiplied by today's volatility,
/// reach the distance to the barrier: share of z_s ≥ (b − x_t) / σ_t. Only windows whose last hour is at or before t
/// count, so nothing after t is read. At or beyond the barrier the probability is 1.
/// </para>
/// <para>
/// Volatility: the EWMA of squared hourly changes of x with issue 5's decay (λ = 0.94 an hour), over fresh hours only
/// (<see cref="FreshHourVariance"/>: a forward-filled hour repeats the last snapshot and would read as calm), floored at <see cref="VolatilityFloor"/>. Windows starting where the market had no deposits are left out.
/// Until <see cref="MinimumWindows"/> windows have closed, the empirical share is too coarse and the reflection
/// principle's closed form for a Gaussian random walk at today's volatility stands in (<see cref="ReflectionClosedForm"/>).
/// </para>
/// <para>Cost: O(n log n) per market (a Fenwick tree over the ranks of the standardised rises).</para>
/// </remarks>
public static class FirstPassageProbability
{
    /// <summary>Closed windows needed before the empirical share is used: 30 days, the backtest's refit cadence.</summary>
    public const int MinimumWindows = 720;

    /// <summary>
    /// Smallest hourly volatility of x: a hundredth of a percent of utilization an hour at low utilization, below which
    /// moves are rounding in the source, not risk. Keeps a flat (pre-market or frozen) stretch from dividing by zero.
    /// </summary>
    public const double VolatilityFloor = 1e-4;

    /// <summary>Bound of the logit column: a probability below 1e-4 is finer than 45,000 overlapping hourly windows resolve.</summary>
    public const double LogitBound = 1e-4;

    /// <summary>
    /// First-passage probability at every hour. Hours are one a row (windows count rows, as the other features do).
    /// </summary>
    /// <param name="hours">Hours in ascending order.</param>
    /// <param name="shortfallUtilization">Shortfall level U, in (0, 1]; U = 1 is reached at the scale's cap, u = 0.9999.</param>
    /// <param name="horizonHours">Horizon H in hours, at least 1.</param>
    /// <returns>Probabilities in [0, 1], one per hour.</returns>
    /// <exception cref="ArgumentOutOfRangeException">U is not in (0, 1] or H is below 1.</exception>
    public static double[] Compute(IReadOnlyList<MarketHour> hours, double shortfallUtilization, int horizonHours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (!(shortfallUtilization > 0 && shortfallUtilization <= 1))
            throw new ArgumentOutOfRangeException(nameof(shortfallUtilization), $"shortfallUtilization must be in (0, 1]; got {shortfallUtilization}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonHours, 1);
        var n = hours.Count;
        var x = new double[n];
        for (var i = 0; i < n; i++) x[i] = ShortfallFeatureBuilder.LogGapToFull(hours[i].Utilization);
        var barrier = ShortfallFeatureBuilder.LogGapToFull(shortfallUtilization);
        var sigma = Volatility(hours, x);
        var rise = MaxRiseAhead(x, horizonHours);

        // z_s for every window that has one; its rank among all of them indexes the Fenwick tree. The ranks are only a
        // coordinate system: a count at t covers the windows inserted by t, so later values never change it.
        var z = new double[n];
        for (var s = 0; s < n; s++) z[s] = s + horizonHours < n && hours[s].SuppliedUsd > 0 ? rise[s] / sigma[s] : double.NaN;
        var sorted = z.Where(v => !double.IsNaN(v)).Order().ToArray();
        var tree = new int[sorted.Length + 1];
        var inserted = 0;

        var result = new double[n];
        for (var t = 0; t < n; t++)
        {
            // The window starting at s = t − H ends at t: known now.
            var s = t - horizonHours;
            if (s >= 0 && !double.IsNaN(z[s]))
            {
                for (var k = SortedSearch.LowerBound(sorted, z[s]) + 1; k < tree.Length; k += k & -k) tree[k]++;
                inserted++;
            }
            var distance = barrier - x[t];
            if (distance <= 0) result[t] = 1;
            else if (inserted < MinimumWindows) result[t] = ReflectionClosedForm(distance, sigma[t], horizonHours);
            else
            {
                var needed = distance / sigma[t];
                var below = 0;
                for (var k = SortedSearch.LowerBound(sorted, needed); k > 0; k -= k & -k) below += tree[k];
                result[t] = (inserted - below) / (double)inserted;
            }
        }
        return result;
    }

    /// <summary>
    /// Reflection principle for a driftless Gaussian random walk in continuous time: P(max over H hours − start ≥ d)
    /// = 2 Φ(−d / (σ √H)). It slightly overstates the chance for hourly (discrete) monitoring.
    /// </summary>
    /// <param name="distance">Distance d to the barrier on the x scale; at or below 0 the probability is 1.</param>
    /// <param name="sigma">Hourly volatility σ of x, positive.</param>
    /// <param name="horizonHours">Horizon H in hours.</param>
    public static double ReflectionClosedForm(double distance, double sigma, int horizonHours) =>
        distance <= 0 ? 1 : Math.Min(1, 2 * Normal.CDF(0, 1, -distance / (sigma * Math.Sqrt(horizonHours))));

    /// <summary>ln(p / (1 − p)) with p kept in [<see cref="LogitBound"/>, 1 − <see cref="LogitBound"/>]: the scale on which a logistic model adds evidence.</summary>
    public static double[] Logit(double[] probability) => probability
        .Select(p => Math.Clamp(p, LogitBound, 1 - LogitBound))
        .Select(p => Math.Log(p / (1 - p)))
        .ToArray();

    /// <summary>Hourly volatility of x known at each hour (see the remarks), floored.</summary>
    private static double[] Volatility(IReadOnlyList<MarketHour> hours, double[] x) =>
        FreshHourVariance.Ewma(hours, (before, now) => x[now] - x[before])
            .Select(v => double.IsNaN(v) ? VolatilityFloor : Math.Max(Math.Sqrt(v), VolatilityFloor))
            .ToArray();

    /// <summary>max over (s, s + H] of x minus x_s; NaN where the window runs past the series.</summary>
    private static double[] MaxRiseAhead(double[] x, int horizon)
    {
        var trailingMax = RollingWindow.Max(x, horizon);
        var rise = new double[x.Length];
        for (var s = 0; s < x.Length; s++) rise[s] = s + horizon < x.Length ? trailingMax[s + horizon] - x[s] : double.NaN;
        return rise;
    }
}
