using Forecaster.Markets;
using Forecaster.Risk.Liquidity;

namespace Forecaster.Modeling.Features;

/// <summary>
/// The filtering step of issue 5's filtered historical simulation, shared by the features that scale by current
/// volatility: an EWMA of squared changes between consecutive fresh hours, with <see cref="OutflowRiskOptions.Defaults.EwmaLambda"/>
/// as its decay. A forward-filled (stale) hour repeats the last snapshot and would read as calm, so it is skipped; the
/// first 24 changes seed the variance by their mean square. Hour t reads hours up to t only.
/// </summary>
internal static class FreshHourVariance
{
    /// <summary>Variance known at each hour; NaN before the first fresh change.</summary>
    /// <param name="hours">Hours in ascending order.</param>
    /// <param name="change">The change from an earlier fresh hour to a later one; null when it is undefined (that pair is skipped).</param>
    public static double[] Ewma(IReadOnlyList<MarketHour> hours, Func<int, int, double?> change)
    {
        const double lambda = OutflowRiskOptions.Defaults.EwmaLambda;
        var result = new double[hours.Count];
        double variance = 0, seedSum = 0;
        var fresh = 0;
        var previous = -1;
        for (var i = 0; i < hours.Count; i++)
        {
            if (!(hours[i].Has(DataQuality.Stale) && previous >= 0))
            {
                if (previous >= 0 && change(previous, i) is { } c)
                {
                    fresh++;
                    if (fresh <= 24)
                    {
                        seedSum += c * c;
                        variance = seedSum / fresh;
                    }
                    else variance = lambda * variance + (1 - lambda) * c * c;
                }
                previous = i;
            }
            result[i] = fresh == 0 ? double.NaN : variance;
        }
        return result;
    }
}
