using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>Forecast fan chart of available liquidity: history, median, 50% and 90% bands, and the shortfall line.</summary>
public static class FanChart
{
    /// <summary>Pixel size of the saved image.</summary>
    public static readonly (int Width, int Height) Size = (900, 440);

    /// <summary>Builds the chart.</summary>
    /// <exception cref="ArgumentException">The data fails <see cref="FanChartData.Validate"/>.</exception>
    public static Plot Create(FanChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        var max = data.HistoryUsd.Select(Math.Abs).Concat(data.Forecast.Select(p => Math.Abs(p.Upper90Usd))).Append(data.ShortfallLevelUsd).Max();
        var scale = UsdScale.For(max);
        var plot = new Plot();
        // First: the date axis replaces the bottom axis, and plottables added before would stay bound to the old one.
        UtcDateAxis.Apply(plot);

        var fx = data.Forecast.Select(p => UtcDateAxis.X(p.Time)).ToArray();
        // 90% first so the darker 50% band is drawn over it.
        var band90 = plot.Add.FillY(fx, Scaled(data.Forecast, p => p.Lower90Usd, scale), Scaled(data.Forecast, p => p.Upper90Usd, scale));
        band90.FillColor = ChartPalette.Forecast.WithAlpha(0.18);
        band90.LineWidth = 0;
        band90.LegendText = "90% band";
        var band50 = plot.Add.FillY(fx, Scaled(data.Forecast, p => p.Lower50Usd, scale), Scaled(data.Forecast, p => p.Upper50Usd, scale));
        band50.FillColor = ChartPalette.Forecast.WithAlpha(0.38);
        band50.LineWidth = 0;
        band50.LegendText = "50% band";

        if (data.HistoryTimes.Count > 0)
        {
            var history = plot.Add.Scatter(data.HistoryTimes.Select(UtcDateAxis.X).ToArray(), data.HistoryUsd.Select(scale.Apply).ToArray());
            history.MarkerSize = 0;
            history.LineWidth = 1.5f;
            history.Color = ChartPalette.History;
            history.LegendText = "Observed";
        }

        var median = plot.Add.Scatter(fx, Scaled(data.Forecast, p => p.MedianUsd, scale));
        median.MarkerSize = 4;
        median.LineWidth = 2;
        median.Color = ChartPalette.Forecast;
        median.LegendText = "Median forecast";

        var shortfall = plot.Add.HorizontalLine(scale.Apply(data.ShortfallLevelUsd));
        shortfall.Color = ChartPalette.Danger;
        shortfall.LinePattern = LinePattern.Dashed;
        shortfall.LineWidth = 1.5f;
        shortfall.LegendText = "Shortfall line";

        var now = plot.Add.VerticalLine(fx[0]);
        now.Color = ChartPalette.Neutral;
        now.LinePattern = LinePattern.Dotted;
        now.LegendText = "As-of hour";

        plot.Axes.Margins(bottom: 0.05, top: 0.1);
        plot.Title(data.Title);
        plot.YLabel($"Available liquidity ({scale.Unit})");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static double[] Scaled(IReadOnlyList<FanChartPoint> points, Func<FanChartPoint, double> pick, UsdScale scale) =>
        points.Select(p => scale.Apply(pick(p))).ToArray();
}
