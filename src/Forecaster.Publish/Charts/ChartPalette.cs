using ScottPlot;

namespace Forecaster.Publish.Charts;

/// <summary>One palette for every chart, so red always means danger and the same series look the same everywhere.</summary>
public static class ChartPalette
{
    /// <summary>Danger: shortfall lines, red status, alerts.</summary>
    public static readonly Color Danger = Color.FromHex("#C62828");
    /// <summary>Caution: amber status, kink lines.</summary>
    public static readonly Color Caution = Color.FromHex("#EF8F00");
    /// <summary>Safe: green status.</summary>
    public static readonly Color Safe = Color.FromHex("#2E7D32");
    /// <summary>The observed series.</summary>
    public static readonly Color History = Color.FromHex("#1F4E79");
    /// <summary>Forecasts and their bands.</summary>
    public static readonly Color Forecast = Color.FromHex("#5E35B1");
}
