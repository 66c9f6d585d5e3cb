using Forecaster.EarlyWarning.Calibration;
using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>
/// Reliability diagram: each bin's observed frequency against its mean forecast, with the diagonal a calibrated
/// forecast lies on, and behind them how many hours each bin holds. Both probability axes are logarithmic: for a rare
/// event nearly every forecast is below 10%, where a linear axis would stack the points in one corner.
/// </summary>
public static class ReliabilityDiagram
{
    /// <summary>Pixel size of the saved image.</summary>
    public static readonly (int Width, int Height) Size = (760, 620);

    // The lowest probability drawn: a bin starting at 0, or an observed frequency of 0, is drawn at 0.01%.
    private const double Floor = 1e-4;

    /// <summary>Builds the chart from one or more decompositions (e.g. the model and the threshold rule), drawn in order; the first one's counts are the histogram.</summary>
    /// <exception cref="ArgumentException">No series, or no forecasts in any.</exception>
    public static Plot Create(string title, IReadOnlyList<(string Name, BrierDecomposition Decomposition)> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0 || series.All(s => s.Decomposition.Count == 0))
            throw new ArgumentException("No forecasts to draw a reliability diagram of.", nameof(series));
        var plot = new Plot();
        var colors = new[] { ChartPalette.Forecast, ChartPalette.Caution, ChartPalette.Safe };

        // Counts first, so the points are drawn over the bars; each bar spans its bin on the log axis.
        var first = series[0].Decomposition;
        var bars = plot.Add.Bars(first.Bins.Select(b => new Bar
        {
            Position = (L(b.Lower) + L(b.Upper)) / 2,
            Size = (L(b.Upper) - L(b.Lower)) * 0.95,
            Value = Math.Log10(b.Count + 1),
            FillColor = ChartPalette.History.WithAlpha(0.18),
            LineWidth = 0,
        }).ToArray());
        bars.LegendText = $"{series[0].Name}: hours in bin, log10(n + 1) (right axis)";
        bars.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "log10(hours + 1)";

        var diagonal = plot.Add.Line(L(Floor), L(Floor), 0, 0);
        diagonal.Color = ChartPalette.Neutral;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfectly calibrated";

        for (var s = 0; s < series.Count; s++)
        {
            var filled = series[s].Decomposition.Bins.Where(b => b.Count > 0).ToArray();
            var points = plot.Add.Scatter(filled.Select(b => L(b.MeanForecast)).ToArray(), filled.Select(b => L(b.ObservedFrequency)).ToArray());
            points.Color = colors[s % colors.Length];
            points.MarkerSize = 8;
            points.LineWidth = 1.5f;
            var d = series[s].Decomposition;
            points.LegendText = $"{series[s].Name}: reliability {d.Reliability:0.#####}, resolution {d.Resolution:0.#####}, Brier skill {d.BrierSkill:0.###}";
        }

        double[] ticks = [1e-4, 1e-3, 1e-2, 0.1, 1];
        string[] labels = ["0.01%", "0.1%", "1%", "10%", "100%"];
        plot.Axes.Bottom.SetTicks(ticks.Select(L).ToArray(), labels);
        plot.Axes.Left.SetTicks(ticks.Select(L).ToArray(), labels);
        plot.Axes.SetLimitsX(L(Floor), 0);
        plot.Axes.SetLimitsY(L(Floor), 0);
        plot.Axes.SetLimitsY(0, Math.Max(1, Math.Ceiling(Math.Log10(first.Bins.Max(b => b.Count) + 1))), plot.Axes.Right);
        plot.Title(title);
        plot.XLabel("Mean forecast probability in bin");
        plot.YLabel("Observed frequency (0 drawn at 0.01%)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static double L(double probability) => Math.Log10(Math.Max(probability, Floor));
}
