using Forecaster.Markets;
using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>Utilization history of one market with the shortfall line: the first chart of every market section.</summary>
public static class UtilizationChart
{
    /// <summary>Pixel size of the saved image.</summary>
    public static readonly (int Width, int Height) Size = (900, 420);

    /// <summary>Renders the chart and saves it as PNG.</summary>
    /// <param name="market">The market (its name titles the chart; simulated markets say so).</param>
    /// <param name="history">Hours to draw, in time order; must not be empty.</param>
    /// <param name="shortfallUtilization">Level drawn as the shortfall line, in (0, 1].</param>
    /// <param name="path">Where to write the PNG.</param>
    public static void SavePng(Market market, IReadOnlyList<MarketHour> history, double shortfallUtilization, string path)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0) throw new ArgumentException("No hours to draw.", nameof(history));

        var plot = new Plot();
        var xs = history.Select(h => h.Hour.UtcDateTime.ToOADate()).ToArray();
        var ys = history.Select(h => h.Utilization * 100).ToArray();
        var series = plot.Add.Scatter(xs, ys);
        series.MarkerSize = 0;
        series.LineWidth = 1.5f;
        series.Color = ChartPalette.History;
        series.LegendText = "Utilization";

        var line = plot.Add.HorizontalLine(shortfallUtilization * 100);
        line.Color = ChartPalette.Danger;
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 1.5f;
        line.LegendText = $"Shortfall ({shortfallUtilization:P0})";

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsY(Math.Min(0, ys.Min()), 105);
        plot.Title(market.IsSimulated ? $"{market.Name} utilization (SIMULATED DATA)" : $"{market.Name} utilization");
        plot.XLabel("Date (UTC)");
        plot.YLabel("Utilization (%)");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, Size.Width, Size.Height);
    }
}
