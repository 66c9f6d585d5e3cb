using Forecaster.Markets;
using Forecaster.Modeling.TimeSeries.Iid;

namespace Forecaster.Modeling.Features;

/// <summary>
/// Builds the early-warning features of every hour of several markets. Every feature at hour t is computed from the
/// market's hours up to t, its account flows up to the end of hour t (the state a row describes) and the other markets'
/// hours at t; nothing after t is read (checked by shuffle-the-future tests). Windows count rows (one row an hour); gaps shorten nothing but are rare and flagged upstream.
/// </summary>
/// <remarks>
/// Characteristics: input, hourly <see cref="MarketHour"/> series; output, <see cref="Count"/> floats per hour;
/// no state, so nothing to persist or retrain.
/// </remarks>
public static class ShortfallFeatureBuilder
{
    /// <summary>Feature names in column order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "utilization", "util_change_1h", "util_change_6h", "util_change_24h", "util_change_168h",
        "util_max_24h", "util_max_168h", "util_minus_mean_720h",
        "log10_deposits", "deposit_change_24h", "deposit_change_168h", "borrow_change_24h", "borrow_change_168h",
        "deposit_flow_vol_24h", "deposit_flow_vol_168h", "largest_outflow_24h", "largest_outflow_168h",
        "liquidations_24h", "borrow_rate", "borrow_rate_change_24h", "rate_slope_regime", "stale_hours",
        "log_liquidity_over_worst_outflow", "shortfall_distance_z", "log_gap_to_full", "log_gap_to_full_max_24h",
        "deposit_outflow_surprise", "util_minus_kink", "hours_above_kink_24h", "hours_above_kink_72h",
        "hours_since_below_kink", "log_liquidity_over_outflow_es99",
        "util_rank_90d", "util_gap_to_max_90d", "log_hours_since_shortfall",
        "stablecoin_depeg_max", "eth_return_24h", "eth_drawdown_168h", "prices_missing",
        "first_passage_probability", "first_passage_logit",
        "others_util_max", "others_deposit_change_24h", "others_util_change_24h_max", "others_share_util_above_090",
        // After the cross-market columns so that no earlier column moves; NaN where holders are unknown.
        "holders_top1_share", "holders_top5_share", "log_liquidity_over_largest_holder",
        // The same against the market's own past (HolderTrendFeatures); after the levels, so again no column moves.
        "holders_top1_share_minus_median_30d", "log_liquidity_over_largest_holder_change_24h", "log_liquidity_over_largest_holder_minus_median_30d",
    ];

    /// <summary>Number of cross-market columns, which follow the market's own.</summary>
    private const int CrossCount = 4;

    /// <summary>Number of features.</summary>
    public static int Count => Names.Count;

    /// <summary>
    /// The few features the logistic learner reads by default, each for what it means, not for how it scored: the
    /// threshold rule's own signal, closeness to full utilization now and at its 24 h peak (on a log scale, because a
    /// step from 0.95 to 0.99 matters far more than one from 0.50 to 0.54); how soon the shortfall level can be reached
    /// (the distance to it in typical 24 h moves, and the 24 h utilization momentum); how unusual this hour's deposit
    /// outflow is (the IID spike detector's anomaly score: runs start as outflows the market has not seen lately); and
    /// the most utilised other market (stress spreading between markets). Few, because the positive hours are few; all
    /// ratios or scores, so markets of any size pool together. A wider set (adding deposit flight, largest outflow, rate
    /// regime, liquidity over the worst outflow) did no better on any split, nor did adding utilization against the market's own
    /// kink, hours above it, liquidity over the next day's outflow ES99, an SSA outlook, utilization against the market's
    /// own last 90 days, hours since its last shortfall, stablecoin and ETH prices, or the first-passage probability (README, Early warning).
    /// </summary>
    public static IReadOnlyList<string> LogisticNames { get; } =
        ["log_gap_to_full", "log_gap_to_full_max_24h", "shortfall_distance_z", "util_change_24h", "deposit_outflow_surprise", "others_util_max"];

    /// <summary>Column of a feature name.</summary>
    /// <exception cref="ArgumentException">No feature has that name.</exception>
    public static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
            if (Names[i] == name) return i;
        throw new ArgumentException($"No feature named '{name}'.", nameof(name));
    }

    /// <summary>Builds features for every market, using the others' same hours for the cross-market columns.</summary>
    /// <param name="markets">Markets with hours in ascending order.</param>
    /// <param name="shortfallUtilization">Shortfall level U, used by the distance and first-passage features.</param>
    /// <param name="horizonHours">Target horizon H in hours, used by the first-passage features (the chance of reaching U within H).</param>
    public static IReadOnlyList<FeatureMatrix> Build(IReadOnlyList<MarketHistory> markets, double shortfallUtilization, int horizonHours = 24)
    {
        ArgumentNullException.ThrowIfNull(markets);
        var own = markets.Select(m => OwnColumns(m, shortfallUtilization, horizonHours)).ToArray();
        var holders = markets.Select(HolderColumns).ToArray();
        var indexByHour = markets.Select(m =>
        {
            var map = new Dictionary<long, int>(m.Hours.Count);
            for (var i = 0; i < m.Hours.Count; i++) map[m.Hours[i].Hour.UtcTicks] = i;
            return map;
        }).ToArray();

        var result = new FeatureMatrix[markets.Count];
        for (var k = 0; k < markets.Count; k++)
        {
            var hours = markets[k].Hours;
            var n = hours.Count;
            var values = new float[n * Count];
            var ownCount = own[k].Length;
            for (var i = 0; i < n; i++)
            {
                var row = values.AsSpan(i * Count, Count);
                for (var c = 0; c < ownCount; c++) row[c] = (float)own[k][c][i];
                CrossColumns(k, hours[i].Hour.UtcTicks, own, indexByHour, row.Slice(ownCount, CrossCount));
                for (var c = 0; c < holders[k].Length; c++) row[ownCount + CrossCount + c] = (float)holders[k][c][i];
            }
            result[k] = new FeatureMatrix(markets[k].Name, n, values);
        }
        return result;
    }

    /// <summary>The holder levels, then their trends: top-1 share and coverage are the levels' first and third columns.</summary>
    private static double[][] HolderColumns(MarketHistory market)
    {
        var levels = HolderFeatures.Columns(market);
        return [.. levels, .. HolderTrendFeatures.Columns(levels[0], levels[2])];
    }

    private static void CrossColumns(int self, long ticks, double[][][] own, Dictionary<long, int>[] indexByHour, Span<float> row)
    {
        double maxUtil = double.NaN, depositChange = 0, maxUtilChange = double.NaN;
        int others = 0, above = 0;
        for (var m = 0; m < own.Length; m++)
        {
            if (m == self || !indexByHour[m].TryGetValue(ticks, out var j)) continue;
            others++;
            var u = own[m][0][j];
            maxUtil = double.IsNaN(maxUtil) ? u : Math.Max(maxUtil, u);
            maxUtilChange = double.IsNaN(maxUtilChange) ? own[m][3][j] : Math.Max(maxUtilChange, own[m][3][j]);
            depositChange += own[m][9][j];
            if (u >= 0.90) above++;
        }
        row[0] = (float)maxUtil;
        row[1] = others > 0 ? (float)(depositChange / others) : float.NaN;
        row[2] = (float)maxUtilChange;
        row[3] = others > 0 ? (float)above / others : float.NaN;
    }

    private static double[][] OwnColumns(MarketHistory market, double shortfallUtilization, int horizonHours)
    {
        var hours = market.Hours;
        var n = hours.Count;
        double[] u = new double[n], supplied = new double[n], borrowed = new double[n], liquidations = new double[n];
        double[] rate = new double[n], stale = new double[n], ratePerUtil = new double[n];
        var lastRate = 0.0;
        for (var i = 0; i < n; i++)
        {
            var h = hours[i];
            u[i] = h.Utilization;
            supplied[i] = h.SuppliedUsd;
            borrowed[i] = h.BorrowedUsd;
            liquidations[i] = h.LiquidationsUsd;
            // A missing rate repeats the last known one: the value a reader at t would have had.
            if (!double.IsNaN(h.BorrowRatePct)) lastRate = h.BorrowRatePct;
            rate[i] = lastRate;
            ratePerUtil[i] = lastRate / Math.Max(u[i], 0.05);
            stale[i] = h.Has(DataQuality.Stale) && i > 0 ? Math.Min(stale[i - 1] + 1, 48) : 0;
        }
        // Deposit and borrow changes in tokens where known (a price move is no flow); the deposit level stays USD, for size.
        var flow = ReserveFlows.RelativeDepositChange(hours, 1);
        var outflowUsd = ReserveFlows.HourlyOutflowUsd(hours);

        var utilStep = RollingWindow.Change(u, 1);
        var liquidity = new double[n];
        var worstOutflow = RollingWindow.Max(outflowUsd, 168);
        var utilStepVol = RollingWindow.StandardDeviation(utilStep, 168);
        var rateRegimeMean = RollingWindow.Mean(ratePerUtil, 720);
        var distance = new double[n];
        var regime = new double[n];
        for (var i = 0; i < n; i++)
        {
            liquidity[i] = Math.Log10(1 + Math.Max(0, supplied[i] - borrowed[i]) / Math.Max(worstOutflow[i], 1e4));
            // How many typical 24 h moves separate utilization from the shortfall level.
            distance[i] = Math.Clamp((shortfallUtilization - u[i]) / (utilStepVol[i] * Math.Sqrt(24) + 1e-4), -50, 50);
            // Above the kink the borrow rate per unit of utilization jumps: the ratio to its month mean shows the regime.
            regime[i] = rateRegimeMean[i] > 0 ? ratePerUtil[i] / rateRegimeMean[i] : 1;
        }
        var liquidationsRelative = RollingWindow.Sum(liquidations, 24);
        for (var i = 0; i < n; i++) liquidationsRelative[i] = supplied[i] > 0 ? liquidationsRelative[i] / supplied[i] : 0;
        var meanUtil = RollingWindow.Mean(u, 720);
        var gap = LogGapToFull(u);
        var peakGap = LogGapToFull(RollingWindow.Max(u, 24));
        var kink = KinkFeatures.KinkInForce(hours);
        var firstPassage = FirstPassageProbability.Compute(hours, shortfallUtilization, horizonHours);
        var utilMinusMean = new double[n];
        var logDeposits = new double[n];
        for (var i = 0; i < n; i++)
        {
            utilMinusMean[i] = u[i] - meanUtil[i];
            logDeposits[i] = Math.Log10(Math.Max(supplied[i], 1));
        }

        return
        [
            u, utilStep, RollingWindow.Change(u, 6), RollingWindow.Change(u, 24), RollingWindow.Change(u, 168),
            RollingWindow.Max(u, 24), RollingWindow.Max(u, 168), utilMinusMean,
            logDeposits, ReserveFlows.RelativeDepositChange(hours, 24), ReserveFlows.RelativeDepositChange(hours, 168),
            ReserveFlows.RelativeBorrowChange(hours, 24), ReserveFlows.RelativeBorrowChange(hours, 168),
            RollingWindow.StandardDeviation(flow, 24), RollingWindow.StandardDeviation(flow, 168),
            RollingWindow.Min(flow, 24), RollingWindow.Min(flow, 168),
            liquidationsRelative, rate, RollingWindow.Change(rate, 24), regime, stale,
            liquidity, distance, gap, peakGap, OutflowSurprise(flow),
            KinkFeatures.DistanceAboveKink(u, kink), KinkFeatures.HoursAboveKink(u, kink, 24), KinkFeatures.HoursAboveKink(u, kink, 72),
            KinkFeatures.HoursSinceBelowKink(u, kink), OutflowCoverage.LogCoverage(hours),
            MarketRelativeFeatures.TrailingRank(u, MarketRelativeFeatures.Window),
            MarketRelativeFeatures.GapToTrailingMax(u, MarketRelativeFeatures.Window),
            MarketRelativeFeatures.LogHoursSinceShortfall(u, shortfallUtilization, MarketRelativeFeatures.Window),
            .. PriceFeatures.Columns(hours.Select(h => h.Hour).ToArray(), market.Prices),
            firstPassage, FirstPassageProbability.Logit(firstPassage),
        ];
    }

    /// <summary>
    /// How surprising this hour's deposit flow is as an outflow, against the market's previous 100 hours: −log10 of the
    /// lower-tail p-value of the IID spike detector (issue 3), capped at 6. High when deposits leave faster than they
    /// have lately, whatever the market's usual flow size. The detector scores each hour before adding it to its history.
    /// </summary>
    private static double[] OutflowSurprise(double[] flow)
    {
        var detector = new IidSpikeDetector(new IidSpikeOptions { Side = AnomalySide.Negative });
        var result = new double[flow.Length];
        for (var i = 0; i < flow.Length; i++)
            result[i] = Math.Min(6, -Math.Log10(Math.Max(detector.Process(flow[i]).PValue, 1e-6)));
        return result;
    }

    /// <summary>
    /// −ln(1 − u), capped at u = 0.9999: grows without bound as utilization nears 1, where withdrawals stop. The scale of
    /// <c>log_gap_to_full</c>, and the one the first-passage probability measures distances to the shortfall line on.
    /// </summary>
    internal static double LogGapToFull(double utilization) => -Math.Log(1 - Math.Clamp(utilization, 0, 0.9999));

    private static double[] LogGapToFull(double[] utilization) => Array.ConvertAll(utilization, LogGapToFull);
}
