namespace Forecaster.Modeling.Features;

/// <summary>
/// Depeg and collateral-price signals at each market hour: the largest distance of a stablecoin from $1, ETH's 24 h
/// log return and its log drawdown from the trailing week's high, and whether prices are missing at that hour.
/// </summary>
/// <remarks>
/// Causality: the price used at hour t is the latest observed at or before t (the hour's start), and at most
/// <see cref="MaxAge"/> old; windows read earlier market hours only. Unknown prices give NaN (the logistic learner
/// replaces NaN by the training mean, so the <c>prices_missing</c> column tells it the value is a stand-in).
/// </remarks>
internal static class PriceFeatures
{
    /// <summary>Oldest observation still taken as the current price: the shared files are about hourly, so 6 h is a gap.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(6);

    /// <summary>Columns in the builder's order: stablecoin_depeg_max, eth_return_24h, eth_drawdown_168h, prices_missing.</summary>
    public static double[][] Columns(IReadOnlyList<DateTimeOffset> hours, MarketPrices? prices)
    {
        var n = hours.Count;
        double[] depeg = new double[n], eth = new double[n], ret = new double[n], drawdown = new double[n], missing = new double[n];
        for (var i = 0; i < n; i++)
        {
            eth[i] = prices?.Eth.AsOf(hours[i], MaxAge) ?? double.NaN;
            depeg[i] = double.NaN;
            foreach (var coin in prices?.Stablecoins ?? [])
            {
                var p = coin.AsOf(hours[i], MaxAge);
                if (!double.IsNaN(p)) depeg[i] = double.IsNaN(depeg[i]) ? Math.Abs(p - 1) : Math.Max(depeg[i], Math.Abs(p - 1));
            }
            missing[i] = double.IsNaN(eth[i]) ? 1 : 0;
        }
        for (var i = 0; i < n; i++)
        {
            // The hour exactly 24 h earlier (positions are hours, but gaps make them unreliable): a price it had, if any.
            ret[i] = Math.Log(eth[i] / (prices?.Eth.AsOf(hours[i].AddHours(-24), MaxAge) ?? double.NaN));
            var high = double.NaN;
            for (var j = Math.Max(0, i - 167); j <= i; j++)
                if (!double.IsNaN(eth[j]) && (double.IsNaN(high) || eth[j] > high)) high = eth[j];
            drawdown[i] = Math.Log(eth[i] / high);
        }
        return [depeg, ret, drawdown, missing];
    }
}
