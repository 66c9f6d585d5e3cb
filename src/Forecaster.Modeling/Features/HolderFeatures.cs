using Forecaster.Risk.Liquidity;

namespace Forecaster.Modeling.Features;

/// <summary>
/// Who holds the deposits, at each market hour: the largest holder's and the five largest holders' shares of the
/// deposits the events explain, and ln(available liquidity / the largest holder's deposits in USD). When that
/// coverage is below 0 the largest holder alone can drain the reserve, so a single exit from a calm market causes a
/// shortfall: the kind of episode the utilization and flow features cannot foresee.
/// </summary>
/// <remarks>
/// Causality: hour t counts the events stamped before t + 1 h, the end of the hour whose state the row describes (a
/// <see cref="Markets.MarketHour"/> is the state at the end of its hour); later events are never read. All three are NaN
/// when the market's holders are unknown (<see cref="MarketHistory.Holders"/> null) or no account holds anything yet;
/// the coverage also when the hour's token price is unknown. Both sides of the coverage are floored at $1 so an empty
/// reserve gives a large negative number rather than −∞.
/// </remarks>
internal static class HolderFeatures
{
    /// <summary>Columns in the builder's order: holders_top1_share, holders_top5_share, log_liquidity_over_largest_holder.</summary>
    public static double[][] Columns(MarketHistory market)
    {
        var hours = market.Hours;
        var n = hours.Count;
        double[] top1 = new double[n], top5 = new double[n], coverage = new double[n];
        Array.Fill(top1, double.NaN);
        Array.Fill(top5, double.NaN);
        Array.Fill(coverage, double.NaN);
        if (market.Holders is not { } holders) return [top1, top5, coverage];

        var ends = hours.Select(h => h.Hour.AddHours(1)).ToArray();
        var cuts = DepositorConcentration.Series(market.Name, holders.Events, ends);
        for (var i = 0; i < n; i++)
        {
            var cut = cuts[i];
            if (cut.Holders == 0) continue;
            top1[i] = cut.Top1Share;
            top5[i] = cut.Top5Share;
            var largestUsd = (double)cut.Top1 * holders.UsdPerUnit(hours[i]);
            coverage[i] = Math.Log(Math.Max(hours[i].AvailableLiquidityUsd, 1) / Math.Max(largestUsd, 1));
        }
        return [top1, top5, coverage];
    }
}
