using Forecaster.Markets;

namespace Forecaster.Recommend;

/// <summary>
/// Estimates how deposits answer the supply rate in a market's own history: the least-squares slope of the next 24 h
/// relative deposit change on the supply rate at the start of the window (rate leads, flows follow, so the window never
/// uses a rate set after the flow it explains). The change is measured in tokens where both hours know them
/// (<see cref="DepositChange"/>), so a WETH price move is not read as depositors answering the rate; the slope is then
/// reported in USD of today's deposits per percentage point of supply APR.
/// Rates also rise because deposits leave, which biases the slope down: a non-positive estimate is reported as unknown.
/// </summary>
public static class RateResponseEstimator
{
    /// <summary>USD of deposits per +1 pp of supply APR over 24 h, from the 180 days up to <paramref name="asOf"/>; NaN when unknown.</summary>
    public static double DepositsPerRatePointUsd(IReadOnlyList<MarketHour> hours, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var window = hours.Where(h => h.Hour <= asOf && h.Hour > asOf - TimeSpan.FromDays(180)).ToList();
        if (window.Count < 24 * 14) return double.NaN;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        var n = 0;
        for (var i = 0; i + 24 < window.Count; i++)
        {
            var (a, b) = (window[i], window[i + 24]);
            if (b.Hour - a.Hour != TimeSpan.FromHours(24) || !double.IsFinite(a.SupplyRatePct)) continue;
            var ratio = DepositChange.Ratio(a, b);
            if (!double.IsFinite(ratio)) continue;
            var x = a.SupplyRatePct;
            var y = ratio - 1;
            sx += x; sy += y; sxx += x * x; sxy += x * y;
            n++;
        }
        if (n < 24 * 7) return double.NaN;
        var variance = sxx - sx * sx / n;
        if (variance <= 1e-12) return double.NaN;
        var slope = (sxy - sx * sy / n) / variance;
        return slope > 0 ? slope * window[^1].SuppliedUsd : double.NaN;
    }
}
