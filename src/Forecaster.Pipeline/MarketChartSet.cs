using Forecaster.Markets;
using Forecaster.Markets.RateCurves;
using Forecaster.Recommend;
using Forecaster.Publish.Brief;
using Forecaster.Publish.Charts;
using Forecaster.Publish.Inputs;
using Forecaster.Risk;
using Forecaster.Simulation;

namespace Forecaster.Pipeline;

/// <summary>Draws one market's charts for the brief (fan, utilization, probability, flows, stress) from today's producers.</summary>
public static class MarketChartSet
{
    /// <summary>Draws the charts into <paramref name="directory"/>; returns them in reading order, plus notes on what is missing.</summary>
    /// <param name="market">The market.</param>
    /// <param name="hours">Its hours up to the as-of hour, in time order.</param>
    /// <param name="asOf">The as-of hour.</param>
    /// <param name="history">Its past shortfall probabilities (see <see cref="BaselineChartInputs.ProbabilityHistory"/>).</param>
    /// <param name="options">Brief options (how many days each chart covers).</param>
    /// <param name="directory">The brief's folder.</param>
    public static (IReadOnlyList<BriefChart> Charts, IReadOnlyList<string> Notes) Draw(
        Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf, IReadOnlyList<ProbabilityPoint> history, BriefOptions options, string directory)
    {
        var charts = new List<BriefChart>();
        var notes = new List<string>();
        var shortfall = BaselineRiskOptions.Defaults.ShortfallUtilization;
        var last = hours[^1].Hour;
        var method = BaselineChartInputs.BaselineMethod;

        try
        {
            var fan = BaselineChartInputs.Fan(market, hours, asOf, options.FanHistoryDays, shortfall);
            charts.Add(Save(FanChart.Create(fan), FanChart.Size, directory, market, BriefChartKinds.Fan, "Available liquidity forecast",
                $"Observed available liquidity, then the median forecast with 50% and 90% bands; the red dashed line is the shortfall level ({BriefText(shortfall)} utilization). Method: {fan.Method}."));
        }
        catch (InsufficientHistoryException e)
        {
            notes.Add($"No forecast fan chart: {e.Message}");
        }

        var alerts = BaselineChartInputs.Alerts(history);
        var chartFrom = last - TimeSpan.FromDays(options.ChartDays);
        var anomalies = UtilizationAnomalies.Find(hours, chartFrom);
        var (kink, kinkSource) = Kink(market, hours, asOf);
        var utilization = BaselineChartInputs.Utilization(market, hours, chartFrom, shortfall, kink, anomalies, alerts);
        charts.Add(Save(UtilizationChart.Create(utilization), UtilizationChart.Size, directory, market, BriefChartKinds.Utilization, "Utilization",
            "Hourly utilization with the shortfall line and " + kinkSource +
            $"; {anomalies.Count} marked anomalies ({UtilizationAnomalies.Method})" +
            $"; shaded days were amber or red by {method}."));

        if (history.Count > 0)
        {
            var probability = BaselineChartInputs.Probability(market, history, StatusPolicy.Default.AmberProbability);
            charts.Add(Save(ShortfallProbabilityChart.Create(probability), ShortfallProbabilityChart.Size, directory, market, BriefChartKinds.Probability, "Shortfall probability over time",
                $"The 24 h shortfall probability as it would have been estimated each day using only data up to that day; the dashed line is the alert (amber) threshold. Method: {method}."));
        }

        var flows = BaselineChartInputs.Flows(market, hours, last - TimeSpan.FromDays(options.FlowDays));
        if (flows.Times.Count > 0)
            charts.Add(Save(FlowDecompositionChart.Create(flows), FlowDecompositionChart.Size, directory, market, BriefChartKinds.Flows, "Hourly flows",
                $"Above zero what adds liquidity, below zero what removes it. Method: {flows.Method}."));

        var stress = BaselineChartInputs.Stress(market, hours, asOf, BaselineRiskOptions.Defaults.Lookback);
        charts.Add(Save(StressCoverageChart.Create(stress), StressCoverageChart.Size, directory, market, BriefChartKinds.Stress, "Reserve coverage under stress",
            $"Available liquidity now over each scenario's outflow; below 100% the reserve runs dry. Method: {stress.Method}."));
        return (charts, notes);
    }

    /// <summary>Saves a plot beside the brief as <c>&lt;market&gt;-&lt;kind&gt;.png/.svg</c>.</summary>
    public static BriefChart Save(ScottPlot.Plot plot, (int Width, int Height) size, string directory, Market market, string kind, string title, string caption)
    {
        var (png, svg) = ChartFiles.Save(plot, directory, $"{market.Name}-{kind}", size);
        return new BriefChart(kind, title, png, svg, caption);
    }

    // A simulated market's curve is Forecaster's own; a real market's is read from its own rate history, since snapshot
    // files carry rates but not the curve's parameters.
    private static (double? Kink, string Source) Kink(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf)
    {
        if (market.IsSimulated)
        {
            var curve = MarketParameters.IsStablecoin(market.Asset) ? InterestRateModel.Stablecoin : InterestRateModel.Volatile;
            return (curve.OptimalUtilization, $"the simulator's rate kink ({BriefText(curve.OptimalUtilization)})");
        }
        if (RateCurveEstimator.Default.EstimateLatest(hours, asOf) is { } e)
        {
            return (e.OptimalUtilization, $"the rate kink at {BriefText(e.OptimalUtilization)}, estimated from the market's own borrow rates " +
                $"{e.From:yyyy-MM-dd} to {e.To:yyyy-MM-dd} (slopes {e.Slope1Pct:0.#} and {e.Slope2Pct:0.#} points, fit error {e.RootMeanSquareErrorPct:0.###} points)");
        }
        return (null, "no kink line (the rate curve's kink cannot be read from this market's recent rates: utilization has not crossed it)");
    }

    private static string BriefText(double share) => (share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
