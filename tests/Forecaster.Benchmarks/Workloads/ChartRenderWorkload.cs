using Forecaster.Publish.Charts;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>Renders every brief chart for 100 simulated markets (5 each plus the heat map), PNG and SVG; inputs are prepared in setup.</summary>
public sealed class ChartRenderWorkload : IWorkload
{
    private ChartInputs100? _inputs;
    private string? _folder;
    private readonly Dictionary<string, double> _seconds = new();

    private void Timed(string kind, Action render)
    {
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        render();
        _seconds[kind] = _seconds.GetValueOrDefault(kind) + System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <inheritdoc />
    public string Name => "charts";

    /// <inheritdoc />
    public string Description => "render all charts (fan, utilization, probability, flows, stress; heat map) for 100 markets as PNG+SVG";

    /// <inheritdoc />
    public Task SetupAsync()
    {
        _inputs = ChartInputs100.Build(ChartInputs100.Simulate());
        _folder = Path.Combine(Path.GetTempPath(), $"forecaster-bench-charts-{Environment.ProcessId}");
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<(long Items, string Unit)> RunAsync()
    {
        var inputs = _inputs!;
        var folder = _folder!;
        long charts = 0;
        try
        {
            var i = 0;
            foreach (var m in inputs.PerMarket)
            {
                Timed("fan", () => ChartFiles.Save(FanChart.Create(m.Fan), folder, $"{i}-fan", FanChart.Size));
                Timed("utilization", () => ChartFiles.Save(UtilizationChart.Create(m.Utilization), folder, $"{i}-utilization", UtilizationChart.Size));
                Timed("probability", () => ChartFiles.Save(ShortfallProbabilityChart.Create(m.Probability), folder, $"{i}-probability", ShortfallProbabilityChart.Size));
                Timed("flows", () => ChartFiles.Save(FlowDecompositionChart.Create(m.Flows), folder, $"{i}-flows", FlowDecompositionChart.Size));
                Timed("stress", () => ChartFiles.Save(StressCoverageChart.Create(m.Stress), folder, $"{i}-stress", StressCoverageChart.Size));
                charts += 5;
                i++;
            }
            Timed("heatmap", () => ChartFiles.Save(RiskHeatMapChart.Create(inputs.HeatMap), folder, "heatmap", RiskHeatMapChart.SizeFor(inputs.HeatMap.Markets.Count)));
            charts++;
            // Where the time goes, so a slow chart kind is visible without a profiler.
            Console.WriteLine("  per kind: " + string.Join(", ", _seconds.Select(k => $"{k.Key} {k.Value:F2} s")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        return Task.FromResult((charts, "charts (PNG+SVG)"));
    }
}
