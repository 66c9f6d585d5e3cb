using System.Globalization;
using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>Cross-market heat map: one row per market, one column per day, coloured by shortfall probability.</summary>
public static class RiskHeatMapChart
{
    /// <summary>Pixel size for a number of markets: rows get at least 22 px so every name stays legible.</summary>
    public static (int Width, int Height) SizeFor(int markets) => (1000, Math.Max(300, 150 + 22 * markets));

    /// <summary>Builds the chart.</summary>
    /// <exception cref="ArgumentException">The data fails <see cref="RiskHeatMapData.Validate"/>.</exception>
    public static Plot Create(RiskHeatMapData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        var rows = data.Markets.Count;
        var cols = data.Days.Count;
        var plot = new Plot();
        // Percent, so the colour bar reads in the same unit as the rest of the brief.
        var cells = new double[rows, cols];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < cols; c++)
                cells[r, c] = data.Probability[r, c] * 100;
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new RiskColormap();
        heatmap.ManualRange = new ScottPlot.Range(0, 100);
        heatmap.NaNCellColor = Colors.LightGray;
        // Cell (r, c) spans x in [c, c+1] and y in [rows-1-r, rows-r]: the first market on top.
        heatmap.Position = new CoordinateRect(0, cols, 0, rows);

        var colorbar = plot.Add.ColorBar(heatmap);
        colorbar.Label = "Shortfall probability (%)";

        plot.Axes.Left.SetTicks(Enumerable.Range(0, rows).Select(r => rows - r - 0.5).ToArray(), data.Markets.ToArray());
        var step = Math.Max(1, (int)Math.Ceiling(cols / 10.0));
        var tickCols = Enumerable.Range(0, cols).Where(c => c % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(tickCols.Select(c => c + 0.5).ToArray(),
            tickCols.Select(c => data.Days[c].UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray());
        plot.Axes.SetLimits(0, cols, 0, rows);
        plot.Title(data.Title);
        plot.XLabel("Day (UTC)");
        plot.YLabel("Market");
        return plot;
    }
}
