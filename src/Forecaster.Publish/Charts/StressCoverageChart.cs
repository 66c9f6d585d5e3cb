using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>
/// Reserve coverage against each stress scenario as horizontal bars (available liquidity over the scenario's outflow, %),
/// red below 100% (the reserve would run dry), amber below 150%, green above, with the 100% line.
/// </summary>
public static class StressCoverageChart
{
    /// <summary>Pixel size of the saved image.</summary>
    public static readonly (int Width, int Height) Size = (900, 360);

    /// <summary>Coverage (ratio) below which a scenario is amber; below 1 it is red.</summary>
    public const double AmberCoverage = 1.5;

    /// <summary>Builds the chart.</summary>
    /// <exception cref="ArgumentException">No scenarios.</exception>
    public static Plot Create(StressCoverageData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Scenarios.Count == 0) throw new ArgumentException("No stress scenarios to draw.", nameof(data));

        // Infinite coverage (no outflow) is drawn at the axis cap and labelled, not dropped.
        const double cap = 500;
        var plot = new Plot();
        var n = data.Scenarios.Count;
        var bars = new List<Bar>(n);
        for (var i = 0; i < n; i++)
        {
            var coverage = data.Coverage(data.Scenarios[i]);
            var pct = Math.Min(coverage * 100, cap);
            bars.Add(new Bar
            {
                Position = n - 1 - i,
                Value = pct,
                FillColor = coverage < 1 ? ChartPalette.Danger : coverage < AmberCoverage ? ChartPalette.Caution : ChartPalette.Safe,
                Label = double.IsPositiveInfinity(coverage) ? "no outflow" : $"{coverage * 100:0}%",
                Size = 0.6,
            });
        }
        var plottable = plot.Add.Bars(bars);
        plottable.Horizontal = true;
        plottable.ValueLabelStyle.FontSize = 12;

        var full = plot.Add.VerticalLine(100);
        full.Color = ChartPalette.Danger;
        full.LinePattern = LinePattern.Dashed;
        full.LineWidth = 1.5f;
        full.LegendText = "100%: reserve exactly covers the outflow";

        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(i => (double)i).ToArray(),
            data.Scenarios.Select(s => s.Name).Reverse().ToArray());
        var maxPct = bars.Max(b => b.Value);
        plot.Axes.SetLimitsX(0, Math.Max(maxPct, 100) * 1.18);
        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "< 100% (runs dry)", FillColor = ChartPalette.Danger });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"< {AmberCoverage * 100:0}%", FillColor = ChartPalette.Caution });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "covered", FillColor = ChartPalette.Safe });
        plot.Title(data.Title);
        plot.XLabel("Coverage: available liquidity / scenario outflow (%)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}
