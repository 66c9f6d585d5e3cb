using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>
/// Hourly flows as stacked bars: what adds liquidity (deposits, repays, liquidations) above zero, what removes it
/// (withdrawals, borrows) below, so a run on the market shows as a wall under the axis.
/// </summary>
public static class FlowDecompositionChart
{
    /// <summary>Pixel size of the saved image.</summary>
    public static readonly (int Width, int Height) Size = (900, 420);

    /// <summary>Builds the chart.</summary>
    /// <exception cref="ArgumentException">No hours, or the data fails <see cref="FlowDecompositionData.Validate"/>.</exception>
    public static Plot Create(FlowDecompositionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Times.Count == 0) throw new ArgumentException("No hours to draw.", nameof(data));
        data.Validate();

        var maxAbs = Enumerable.Range(0, data.Times.Count)
            .Select(i => Math.Max(data.DepositsUsd[i] + data.RepaysUsd[i] + data.LiquidationsUsd[i], data.WithdrawalsUsd[i] + data.BorrowsUsd[i]))
            .DefaultIfEmpty(0).Max();
        var scale = UsdScale.For(maxAbs);
        var plot = new Plot();
        // First: the date axis replaces the bottom axis, and plottables added before would stay bound to the old one.
        UtcDateAxis.Apply(plot);
        var xs = data.Times.Select(UtcDateAxis.X).ToArray();
        // Bar width in x units (days): a whole hour less a sliver, so adjacent hours stay distinguishable.
        var width = 0.85 / 24;
        var up = new double[xs.Length];
        var down = new double[xs.Length];
        Add(plot, xs, data.DepositsUsd, up, +1, width, scale, ChartPalette.Deposits, "Deposits");
        Add(plot, xs, data.RepaysUsd, up, +1, width, scale, ChartPalette.Repays, "Repays");
        Add(plot, xs, data.LiquidationsUsd, up, +1, width, scale, ChartPalette.Liquidations, "Liquidations");
        Add(plot, xs, data.WithdrawalsUsd, down, -1, width, scale, ChartPalette.Withdrawals, "Withdrawals");
        Add(plot, xs, data.BorrowsUsd, down, -1, width, scale, ChartPalette.Borrows, "Borrows");

        var zero = plot.Add.HorizontalLine(0);
        zero.Color = ChartPalette.Neutral;
        zero.LineWidth = 1;

        plot.Title(data.Title + "\n+ adds liquidity, − removes it");
        plot.YLabel($"Flow per hour ({scale.Unit})");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    private static void Add(Plot plot, double[] xs, IReadOnlyList<double> values, double[] stack, int sign, double width, UsdScale scale, Color color, string label)
    {
        var bars = new List<Bar>(xs.Length);
        for (var i = 0; i < xs.Length; i++)
        {
            var v = scale.Apply(values[i]);
            if (v == 0) continue;
            bars.Add(new Bar
            {
                Position = xs[i],
                ValueBase = stack[i],
                Value = stack[i] + sign * v,
                Size = width,
                FillColor = color,
                LineWidth = 0,
            });
            stack[i] += sign * v;
        }
        var plottable = plot.Add.Bars(bars);
        plottable.LegendText = label;
        // An empty series still gets its legend swatch, so the reader knows it was looked for and was zero.
        plottable.Color = color;
    }
}
