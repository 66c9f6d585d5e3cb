using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>Shortfall probability over time with the alert threshold: shows whether today's alarm is new or chronic.</summary>
public static class ShortfallProbabilityChart
{
    /// <summary>Pixel size of the saved image.</summary>
    public static readonly (int Width, int Height) Size = (900, 380);

    /// <summary>Builds the chart.</summary>
    /// <exception cref="ArgumentException">No points, lengths differ, or a probability is outside [0, 1].</exception>
    public static Plot Create(ShortfallProbabilityData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Times.Count == 0) throw new ArgumentException("No probabilities to draw.", nameof(data));
        if (data.Times.Count != data.Probability.Count)
            throw new ArgumentException($"{data.Times.Count} times but {data.Probability.Count} probabilities.", nameof(data));
        if (data.Probability.Any(p => p is < 0 or > 1 || double.IsNaN(p)))
            throw new ArgumentException("Probabilities must be in [0, 1].", nameof(data));

        var plot = new Plot();
        // First: the date axis replaces the bottom axis, and plottables added before would stay bound to the old one.
        UtcDateAxis.Apply(plot);
        var xs = data.Times.Select(UtcDateAxis.X).ToArray();
        var ys = data.Probability.Select(p => p * 100).ToArray();
        var series = plot.Add.Scatter(xs, ys);
        series.MarkerSize = xs.Length <= 60 ? 4 : 0;
        series.LineWidth = 2;
        series.Color = ChartPalette.History;
        series.LegendText = $"P(shortfall within {data.HorizonHours} h)";

        var threshold = plot.Add.HorizontalLine(data.AlertThreshold * 100);
        threshold.Color = ChartPalette.Danger;
        threshold.LinePattern = LinePattern.Dashed;
        threshold.LineWidth = 1.5f;
        threshold.LegendText = $"Alert threshold ({data.AlertThreshold * 100:0}%)";

        // Zoom to what matters: a 3% probability must not vanish at the bottom of a 0-100 axis.
        plot.Axes.SetLimitsY(0, Math.Min(102, Math.Max(ys.Max(), data.AlertThreshold * 100) * 1.25 + 1));
        plot.Title(data.Title);
        plot.YLabel("Shortfall probability (%)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
