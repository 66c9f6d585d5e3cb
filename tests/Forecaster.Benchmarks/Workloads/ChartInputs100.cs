using Forecaster.Publish.Charts;
using Forecaster.Publish.Inputs;
using Forecaster.Simulation;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>The chart inputs of 100 simulated markets (one year each), shared by the chart workloads.</summary>
internal sealed class ChartInputs100
{
    public const int Markets = 100;

    public required IReadOnlyList<(FanChartData Fan, UtilizationChartData Utilization, ShortfallProbabilityData Probability, FlowDecompositionData Flows, StressCoverageData Stress)> PerMarket { get; init; }

    public required RiskHeatMapData HeatMap { get; init; }

    public static IReadOnlyList<SimulatedMarket> Simulate() =>
        MarketSimulator.Run(new SimulationOptions { Markets = Markets, Days = 365, Seed = 42 });

    /// <summary>Everything the brief computes before drawing: 30 daily baseline re-assessments, the fan, flows, stress.</summary>
    public static ChartInputs100 Build(IReadOnlyList<SimulatedMarket> markets)
    {
        var per = new List<(FanChartData, UtilizationChartData, ShortfallProbabilityData, FlowDecompositionData, StressCoverageData)>();
        var histories = new List<(string, IReadOnlyList<ProbabilityPoint>)>();
        foreach (var m in markets)
        {
            var asOf = m.Hours[^1].Hour;
            var history = BaselineChartInputs.ProbabilityHistory(m.Market, m.Hours, asOf, 30);
            histories.Add((m.Market.Name, history));
            per.Add((
                BaselineChartInputs.Fan(m.Market, m.Hours, asOf, 14, 0.98),
                BaselineChartInputs.Utilization(m.Market, m.Hours, asOf - TimeSpan.FromDays(90), 0.98, 0.9, [], BaselineChartInputs.Alerts(history)),
                BaselineChartInputs.Probability(m.Market, history, 0.05),
                BaselineChartInputs.Flows(m.Market, m.Hours, asOf - TimeSpan.FromDays(7)),
                BaselineChartInputs.Stress(m.Market, m.Hours, asOf, TimeSpan.FromDays(180))));
        }
        return new ChartInputs100 { PerMarket = per, HeatMap = BaselineChartInputs.HeatMap(histories, markets[0].Hours[^1].Hour, 30) };
    }
}
