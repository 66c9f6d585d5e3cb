using Forecaster.Markets;
using Forecaster.Publish.Charts;
using Forecaster.Risk;
using Forecaster.Risk.Stress;

namespace Forecaster.Publish.Inputs;

/// <summary>
/// Fills the chart inputs from what exists today: the baseline risk model and the hourly market states. The model
/// issues replace these one by one; each input says in its Method which producer made it.
/// </summary>
public static class BaselineChartInputs
{
    /// <summary>Forecast horizons drawn in the fan chart.</summary>
    public static readonly TimeSpan[] FanHorizons = new[] { 6, 12, 24, 48, 72 }.Select(h => TimeSpan.FromHours(h)).ToArray();

    /// <summary>Method text of the baseline, as the brief prints it.</summary>
    public const string BaselineMethod = "baseline: historical simulation over the last 180 days (no fitted model)";

    /// <summary>
    /// The fan chart: the last <paramref name="historyDays"/> of available liquidity, then the baseline's median and its
    /// 50% and 90% empirical bands at <see cref="FanHorizons"/>.
    /// </summary>
    /// <exception cref="InsufficientHistoryException">Too little history for the baseline.</exception>
    public static FanChartData Fan(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf, int historyDays, double shortfallUtilization)
    {
        var options = new BaselineRiskOptions { ShortfallUtilization = shortfallUtilization };
        var wide = new BaselineRiskModel(options with { Coverage = 0.90 }).Assess(market, hours, asOf, FanHorizons);
        var narrow = new BaselineRiskModel(options with { Coverage = 0.50 }).Assess(market, hours, asOf, FanHorizons);
        var current = wide.Current;
        var start = current.AvailableLiquidityUsd;
        var points = new List<FanChartPoint> { new(current.Hour, start, start, start, start, start) };
        for (var i = 0; i < FanHorizons.Length; i++)
        {
            var w = wide.Forecasts[i];
            var n = narrow.Forecasts[i];
            points.Add(new FanChartPoint(current.Hour + w.Horizon, w.MedianUsd, n.LowerUsd, n.UpperUsd, w.LowerUsd, w.UpperUsd));
        }
        var from = current.Hour - TimeSpan.FromDays(historyDays);
        var history = hours.Where(h => h.Hour >= from && h.Hour <= current.Hour).ToList();
        return new FanChartData(
            Title(market, "available liquidity forecast"),
            history.Select(h => h.Hour).ToList(),
            history.Select(h => h.AvailableLiquidityUsd).ToList(),
            points,
            (1 - shortfallUtilization) * current.SuppliedUsd,
            BaselineMethod + "; bands are empirical quantiles of past changes");
    }

    /// <summary>
    /// The baseline's 24 h shortfall probability as it would have been computed as of each of the last
    /// <paramref name="days"/> days (at the as-of hour of day), using only data up to each of those times.
    /// Days with too little history are left out.
    /// </summary>
    public static IReadOnlyList<ProbabilityPoint> ProbabilityHistory(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf, int days, StatusPolicy? policy = null)
    {
        policy ??= StatusPolicy.Default;
        var model = new BaselineRiskModel();
        var points = new List<ProbabilityPoint>(days);
        TimeSpan[] horizon = [TimeSpan.FromHours(24)];
        for (var d = days - 1; d >= 0; d--)
        {
            var at = asOf - TimeSpan.FromDays(d);
            try
            {
                var a = model.Assess(market, hours, at, horizon);
                points.Add(new ProbabilityPoint(a.AsOf, a.ShortfallProbability24h, policy.Classify(a.ShortfallProbability24h, a.Current.Utilization)));
            }
            catch (InsufficientHistoryException)
            {
                // Early days of a young market: nothing honest to plot, so the line starts later.
            }
        }
        return points;
    }

    /// <summary>Alert periods from a probability history: each amber or red point covers the day up to the next point.</summary>
    public static IReadOnlyList<AlertPeriod> Alerts(IReadOnlyList<ProbabilityPoint> history)
    {
        var alerts = new List<AlertPeriod>();
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Status == MarketStatus.Green) continue;
            var to = i + 1 < history.Count ? history[i + 1].Time : history[i].Time + TimeSpan.FromDays(1);
            var red = history[i].Status == MarketStatus.Red;
            // Merge with the previous period when it is contiguous and of the same colour.
            if (alerts.Count > 0 && alerts[^1].To == history[i].Time && alerts[^1].Red == red)
                alerts[^1] = alerts[^1] with { To = to };
            else
                alerts.Add(new AlertPeriod(history[i].Time, to, red));
        }
        return alerts;
    }

    /// <summary>The probability chart's input from a probability history.</summary>
    public static ShortfallProbabilityData Probability(Market market, IReadOnlyList<ProbabilityPoint> history, double alertThreshold) =>
        new(Title(market, "shortfall probability, 24 h"), history.Select(p => p.Time).ToList(), history.Select(p => p.Probability).ToList(), alertThreshold, 24);

    /// <summary>The utilization chart's input for hours from <paramref name="from"/> on.</summary>
    public static UtilizationChartData Utilization(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset from, double shortfallUtilization,
        double? kinkUtilization, IReadOnlyList<DateTimeOffset> anomalies, IReadOnlyList<AlertPeriod> alerts)
    {
        var window = hours.Where(h => h.Hour >= from).ToList();
        return new UtilizationChartData(Title(market, "utilization"), window.Select(h => h.Hour).ToList(), window.Select(h => h.Utilization).ToList(),
            shortfallUtilization, kinkUtilization, anomalies, alerts);
    }

    /// <summary>
    /// Hourly flows. Where an hour carries event-level gross flows (read from a chain or made by the agent simulator) they
    /// are drawn as they are. Elsewhere (snapshot data) they are estimated from net hourly changes: a rise in deposits
    /// counts as deposits, a fall as withdrawals; borrows likewise after adding back the debt liquidations repaid. Where both
    /// hours know their token balance the change is in tokens valued at the earlier hour's price (<see cref="DepositChange"/>,
    /// <see cref="BorrowChange"/>), so a price move draws no bar. Net changes hide flows that cancel within the hour (and
    /// interest accrual counts as flow), so they are a lower bound on gross volume; the caption says which method each chart used.
    /// </summary>
    public static FlowDecompositionData Flows(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset from)
    {
        var times = new List<DateTimeOffset>();
        List<double> dep = [], wd = [], bor = [], rep = [], liq = [];
        var gross = 0;
        for (var i = 0; i < hours.Count; i++)
        {
            var now = hours[i];
            if (now.Hour < from) continue;
            var liquidated = Math.Max(now.LiquidationsUsd, 0);
            if (now.Flows is { } f)
            {
                gross++;
                Add(now.Hour, f.DepositsUsd, f.WithdrawalsUsd, f.BorrowsUsd, f.RepaysUsd);
                continue;
            }
            // A gap (or the first hour) has no previous state to take a net change from: no bar rather than a lumped one.
            if (i == 0 || now.Hour - hours[i - 1].Hour != HourlyGrid.Step) continue;
            var before = hours[i - 1];
            var dSupplied = -DepositChange.OutflowUsd(before, now);
            var dBorrowedGross = BorrowChange.LaterAtEarlierPriceUsd(before, now) - before.BorrowedUsd + liquidated;
            Add(now.Hour, Math.Max(dSupplied, 0), Math.Max(-dSupplied, 0), Math.Max(dBorrowedGross, 0), Math.Max(-dBorrowedGross, 0));

            void Add(DateTimeOffset hour, double d, double w, double b, double r)
            {
                times.Add(hour);
                dep.Add(d); wd.Add(w); bor.Add(b); rep.Add(r);
                liq.Add(liquidated);
            }
        }
        var method = gross == times.Count && gross > 0
            ? "gross event-level flows (every deposit, withdrawal, borrow and repayment in the hour)"
            : gross == 0
                ? "net hourly changes of deposits and borrows (snapshot data: flows within an hour net out, so this is a lower bound on volume)"
                : $"gross event-level flows for {gross} of {times.Count} hours, net hourly changes for the rest";
        return new FlowDecompositionData(Title(market, "hourly flows"), times, dep, wd, bor, rep, liq, method);
    }

    /// <summary>
    /// Stress bars: the worst real episodes in the market's own past over the lookback (largest 1 h, 24 h and 72 h deposit
    /// outflows and 24 h utilization jump, found and replayed on today's state by <see cref="StressTester"/>, as the
    /// proposals do), and two fixed runs of 10% and 30% of deposits.
    /// </summary>
    public static StressCoverageData Stress(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf, TimeSpan lookback)
    {
        var window = hours.Where(h => h.Hour <= asOf && h.Hour > asOf - lookback).ToList();
        if (window.Count == 0) throw new ArgumentException($"Market '{market.Name}' has no hours before {asOf:yyyy-MM-dd HH:mm} UTC.", nameof(hours));
        var current = window[^1];
        var bars = StressTester.FindWorst([(market, window)], asOf)
            .Select(s => new StressBar($"{char.ToUpperInvariant(s.Name[0])}{s.Name[1..]} ({s.Start:yyyy-MM-dd})", StressTester.Apply(current, s).WithdrawalDemandUsd))
            .Append(new StressBar("Run: 10% of deposits", 0.10 * current.SuppliedUsd))
            .Append(new StressBar("Run: 30% of deposits", 0.30 * current.SuppliedUsd))
            .ToList();
        return new StressCoverageData(Title(market, "reserve coverage under stress"), current.AvailableLiquidityUsd, bars,
            $"worst real episodes of the last {lookback.TotalDays:0} days replayed on today's state, and fixed deposit runs");
    }

    /// <summary>The cross-market heat map from each market's probability history, days oldest first.</summary>
    public static RiskHeatMapData HeatMap(IReadOnlyList<(string Market, IReadOnlyList<ProbabilityPoint> History)> markets, DateTimeOffset asOf, int days)
    {
        var dayList = Enumerable.Range(0, days).Select(d => asOf.UtcDateTime.Date.AddDays(d - days + 1)).Select(d => new DateTimeOffset(d, TimeSpan.Zero)).ToList();
        var matrix = new double[markets.Count, days];
        for (var r = 0; r < markets.Count; r++)
        {
            for (var c = 0; c < days; c++) matrix[r, c] = double.NaN;
            foreach (var p in markets[r].History)
            {
                var c = (int)(p.Time.UtcDateTime.Date - dayList[0].UtcDateTime).TotalDays;
                if (c >= 0 && c < days) matrix[r, c] = p.Probability;
            }
        }
        return new RiskHeatMapData("Shortfall probability (24 h) by market and day", markets.Select(m => m.Market).ToList(), dayList, matrix, BaselineMethod);
    }

    private static string Title(Market market, string what) =>
        market.IsSimulated ? $"{market.Name} {what} (SIMULATED DATA)" : $"{market.Name} {what}";
}
