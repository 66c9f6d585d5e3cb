using Forecaster.Markets;
using Forecaster.Risk.Liquidity;

namespace Forecaster.Modeling.Features;

/// <summary>
/// Available liquidity over the 99% expected shortfall of the next 24 h deposit outflow, on a log scale: below 0 the
/// market could not pay out a 1-in-100 day at today's volatility. Utilization says how much of the pool is lent; this
/// says how that compares with how fast deposits are moving now, which rises ahead of bursty runs that leave
/// utilization unchanged until the last hour.
/// </summary>
/// <remarks>
/// Method: the filtering step of the filtered historical simulation of <see cref="OutflowRiskModel"/> (issue 5), an
/// EWMA variance of hourly deposit changes over fresh hours (<see cref="FreshHourVariance"/>). The ES99 of 24 such hours is taken as the normal one, 2.665 σ √24, instead of re-simulating paths every hour
/// (OutflowRiskModel costs tens of milliseconds an hour, hours of CPU over a walk-forward); on a log scale the constant
/// shifts the feature but does not reorder hours. Hour t reads hours up to t only.
/// </remarks>
internal static class OutflowCoverage
{
    /// <summary>ES99 of a standard normal: φ(2.326) / 0.01.</summary>
    private const double NormalEs99 = 2.665;

    /// <summary>ln(available liquidity / ES99 of the 24 h outflow in USD), clamped to [−10, 10]; NaN before any fresh change.</summary>
    public static double[] LogCoverage(IReadOnlyList<MarketHour> hours)
    {
        // Changes in tokens where both hours know them (DepositChange): an ETH move is no WETH outflow. The ES99 and the
        // liquidity it is compared with stay USD, scaled by this hour's deposits.
        var variance = FreshHourVariance.Ewma(hours, (before, now) =>
            DepositChange.Ratio(hours[before], hours[now]) is var ratio && !double.IsNaN(ratio) ? ratio - 1 : null);
        var result = new double[hours.Count];
        for (var i = 0; i < hours.Count; i++)
        {
            var es99Usd = NormalEs99 * Math.Sqrt(Math.Max(variance[i], 1e-12) * 24) * hours[i].SuppliedUsd;
            var available = Math.Max(hours[i].AvailableLiquidityUsd, 0);
            result[i] = double.IsNaN(variance[i]) || es99Usd <= 0 ? double.NaN : Math.Clamp(Math.Log((available + 1) / es99Usd), -10, 10);
        }
        return result;
    }
}
