using Forecaster.Markets;
using Forecaster.Prices;

namespace Forecaster.Risk.Stress;

/// <summary>
/// Measures joint outflows across the markets of a store from their own histories up to an as-of hour (later hours are
/// never read): daily 24 h relative outflows aligned on UTC days (in tokens where both midnights know them, see
/// <see cref="DepositChange"/>), their correlation matrix, the worst joint days, and the
/// deepest stablecoin depeg (3-hour median price at least 2% under the peg; the median ignores single noisy prints such as
/// the shared data's USDC at 1.026) with each market's outflow over the two days around its trough.
/// </summary>
public static class CorrelatedStressAnalyzer
{
    /// <summary>Fewest common days for a correlation to be reported: two months.</summary>
    public const int MinimumPairedDays = 60;

    /// <summary>How far under $1 the 3-hour median must fall to count as a depeg.</summary>
    public const double DepegDepth = 0.02;

    /// <summary>The analysis.</summary>
    /// <param name="markets">Markets and their hours.</param>
    /// <param name="stablecoinPrices">Hourly prices of dollar stablecoins by symbol (may be empty).</param>
    /// <param name="asOf">Nothing after this hour is read.</param>
    /// <param name="worstDays">How many worst joint days to keep.</param>
    public static CorrelatedStress Analyze(IReadOnlyList<(Market Market, IReadOnlyList<MarketHour> Hours)> markets,
        IReadOnlyDictionary<string, IReadOnlyList<PriceHour>> stablecoinPrices, DateTimeOffset asOf, int worstDays = 3)
    {
        ArgumentNullException.ThrowIfNull(markets);
        ArgumentNullException.ThrowIfNull(stablecoinPrices);
        var names = markets.Select(m => m.Market.Name).ToList();
        var midnights = markets.Select(m => Midnights(m.Hours, asOf)).ToList();
        var daily = midnights.Select(DailyOutflows).ToList();

        var n = names.Count;
        var correlation = new double[n][];
        var paired = new int[n][];
        for (var i = 0; i < n; i++)
        {
            correlation[i] = new double[n];
            paired[i] = new int[n];
            for (var j = 0; j < n; j++)
            {
                var common = daily[i].Keys.Where(daily[j].ContainsKey).ToList();
                paired[i][j] = common.Count;
                correlation[i][j] = common.Count < MinimumPairedDays ? double.NaN : Pearson(common.Select(d => daily[i][d]).ToList(), common.Select(d => daily[j][d]).ToList());
            }
        }

        var joint = new List<JointOutflowDay>();
        foreach (var day in daily.SelectMany(d => d.Keys).Distinct())
        {
            var shares = new Dictionary<string, double>();
            double before = 0, after = 0;
            for (var i = 0; i < n; i++)
            {
                if (!daily[i].TryGetValue(day, out var share)) continue;
                shares[names[i]] = share;
                var start = midnights[i][day - TimeSpan.FromDays(1)];
                before += start.SuppliedUsd;
                after += DepositChange.LaterAtEarlierPriceUsd(start, midnights[i][day]);
            }
            // A joint day needs at least two markets: one market alone is what the single-market scenarios already replay.
            if (shares.Count >= 2) joint.Add(new JointOutflowDay(day - TimeSpan.FromDays(1), shares, 1 - after / before));
        }
        var worst = joint.OrderByDescending(d => d.TotalOutflowShare).Take(worstDays).ToList();
        return new CorrelatedStress(names, correlation, paired, worst, FindDepeg(markets, stablecoinPrices, asOf));
    }

    /// <summary>Replays a set of per-market outflow shares on a market's state: its own share leaves (inflows leave nothing).</summary>
    public static StressOutcome Replay(MarketHour current, string name, DateTimeOffset start, TimeSpan horizon, string sourceMarket, double share) =>
        StressTester.Apply(current, new StressScenario(name, sourceMarket, start, horizon, Math.Max(share, 0), 0));

    // The hours at each 00:00 UTC up to asOf, for markets large enough for their moves to mean something.
    private static Dictionary<DateTimeOffset, MarketHour> Midnights(IReadOnlyList<MarketHour> hours, DateTimeOffset asOf) =>
        hours.Where(h => h.Hour <= asOf && h.Hour.Hour == 0 && h.Hour.Minute == 0 && h.SuppliedUsd >= StressTester.MinimumDepositsUsd)
            .ToDictionary(h => h.Hour);

    // Keyed by the day's end (the later midnight); in tokens where both midnights know them.
    private static Dictionary<DateTimeOffset, double> DailyOutflows(Dictionary<DateTimeOffset, MarketHour> midnights)
    {
        var outflows = new Dictionary<DateTimeOffset, double>();
        foreach (var (end, hour) in midnights)
        {
            if (midnights.TryGetValue(end - TimeSpan.FromDays(1), out var start)) outflows[end] = 1 - DepositChange.Ratio(start, hour);
        }
        return outflows;
    }

    private static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var k = 0; k < x.Count; k++)
        {
            sxy += (x[k] - mx) * (y[k] - my);
            sxx += (x[k] - mx) * (x[k] - mx);
            syy += (y[k] - my) * (y[k] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    private static DepegEpisode? FindDepeg(IReadOnlyList<(Market Market, IReadOnlyList<MarketHour> Hours)> markets,
        IReadOnlyDictionary<string, IReadOnlyList<PriceHour>> prices, DateTimeOffset asOf)
    {
        var day = TimeSpan.FromDays(1);
        (string Symbol, DateTimeOffset Hour, double Median)? deepest = null;
        foreach (var (symbol, series) in prices)
        {
            // The window after the trough must be over by asOf: the episode's outflows are measured through it.
            var visible = series.Where(p => p.Hour + day <= asOf).OrderBy(p => p.Hour).ToList();
            for (var i = 2; i < visible.Count; i++)
            {
                if (visible[i].Hour - visible[i - 2].Hour != TimeSpan.FromHours(2)) continue;
                var median = new[] { visible[i - 2].PriceUsd, visible[i - 1].PriceUsd, visible[i].PriceUsd }.Order().ElementAt(1);
                if (median <= 1 - DepegDepth && (deepest is null || median < deepest.Value.Median)) deepest = (symbol, visible[i - 1].Hour, median);
            }
        }
        if (deepest is not { } d) return null;
        var (start, end) = (d.Hour - day, d.Hour + day);
        var shares = new Dictionary<string, double>();
        foreach (var (market, hours) in markets)
        {
            // In tokens where both hours know them: a depegged stablecoin's deposits fall in USD although no token left.
            var a = hours.Where(h => h.Hour == start).Cast<MarketHour?>().FirstOrDefault();
            var b = hours.Where(h => h.Hour == end).Cast<MarketHour?>().FirstOrDefault();
            if (a is { } from && b is { } to && from.SuppliedUsd >= StressTester.MinimumDepositsUsd && double.IsFinite(to.SuppliedUsd))
                shares[market.Name] = 1 - DepositChange.Ratio(from, to);
        }
        return new DepegEpisode(d.Symbol, d.Hour, d.Median, start, end, shares);
    }
}
