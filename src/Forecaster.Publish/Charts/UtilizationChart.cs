using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>Utilization history of one market with the kink and shortfall lines, anomaly markers and alert periods.</summary>
public static class UtilizationChart
{
    /// <summary>Pixel size of the saved image.</summary>
    public static readonly (int Width, int Height) Size = (900, 420);

    /// <summary>Builds the chart.</summary>
    /// <exception cref="ArgumentException">No hours, or times and values differ in length.</exception>
    public static Plot Create(UtilizationChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Times.Count == 0) throw new ArgumentException("No hours to draw.", nameof(data));
        if (data.Times.Count != data.Utilization.Count)
            throw new ArgumentException($"{data.Times.Count} times but {data.Utilization.Count} utilization values.", nameof(data));

        var plot = new Plot();
        // First: the date axis replaces the bottom axis, and plottables added before would stay bound to the old one.
        UtcDateAxis.Apply(plot);
        var first = data.Times[0];
        var last = data.Times[^1];
        foreach (var alert in data.Alerts.Where(a => a.To > first && a.From < last))
        {
            var span = plot.Add.HorizontalSpan(UtcDateAxis.X(alert.From), UtcDateAxis.X(alert.To));
            span.FillColor = (alert.Red ? ChartPalette.Danger : ChartPalette.Caution).WithAlpha(0.15);
            span.LineWidth = 0;
        }

        var xs = data.Times.Select(UtcDateAxis.X).ToArray();
        var ys = data.Utilization.Select(u => u * 100).ToArray();
        var series = plot.Add.Scatter(xs, ys);
        series.MarkerSize = 0;
        series.LineWidth = 1.5f;
        series.Color = ChartPalette.History;
        series.LegendText = "Utilization";

        var shortfall = plot.Add.HorizontalLine(data.ShortfallUtilization * 100);
        shortfall.Color = ChartPalette.Danger;
        shortfall.LinePattern = LinePattern.Dashed;
        shortfall.LineWidth = 1.5f;
        shortfall.LegendText = $"Shortfall ({data.ShortfallUtilization * 100:0}%)";

        if (data.KinkUtilization is { } kink)
        {
            var line = plot.Add.HorizontalLine(kink * 100);
            line.Color = ChartPalette.Caution;
            line.LinePattern = LinePattern.Dotted;
            line.LineWidth = 1.5f;
            line.LegendText = $"Rate kink ({kink * 100:0}%)";
        }

        var anomalies = data.Anomalies.Where(a => a >= first && a <= last).ToList();
        if (anomalies.Count > 0)
        {
            // Put each marker on the series at its hour, so it points at what was odd.
            var lookup = data.Times.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => ys[p.i]);
            var ax = anomalies.Select(UtcDateAxis.X).ToArray();
            var ay = anomalies.Select(a => lookup.TryGetValue(a, out var y) ? y : 0).ToArray();
            var markers = plot.Add.Markers(ax, ay);
            markers.MarkerShape = MarkerShape.OpenCircle;
            markers.MarkerSize = 9;
            markers.Color = ChartPalette.Danger;
            markers.LegendText = "Anomaly";
        }

        // Legend entries for the shaded periods (spans themselves stay out of the legend to avoid one entry per period).
        var legend = new List<LegendItem>();
        if (data.Alerts.Any(a => !a.Red)) legend.Add(new LegendItem { LabelText = "Amber alert", FillColor = ChartPalette.Caution.WithAlpha(0.3) });
        if (data.Alerts.Any(a => a.Red)) legend.Add(new LegendItem { LabelText = "Red alert", FillColor = ChartPalette.Danger.WithAlpha(0.3) });
        foreach (var item in legend) plot.Legend.ManualItems.Add(item);

        plot.Axes.SetLimitsY(Math.Min(0, ys.Min()), 105);
        plot.Title(data.Title);
        plot.YLabel("Utilization (%)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
