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
    /// <summary>Reference lines that carry no alarm (the as-of hour).</summary>
    public static readonly Color Neutral = Color.FromHex("#616161");

    // Flows: none of them is red, because a flow is not a danger by itself; the shortfall line is.
    /// <summary>Deposits (add liquidity).</summary>
    public static readonly Color Deposits = Color.FromHex("#1F77B4");
    /// <summary>Repays (add liquidity).</summary>
    public static readonly Color Repays = Color.FromHex("#17BECF");
    /// <summary>Liquidations (debt repaid by liquidators).</summary>
    public static readonly Color Liquidations = Color.FromHex("#8C564B");
    /// <summary>Withdrawals (remove liquidity).</summary>
    public static readonly Color Withdrawals = Color.FromHex("#9467BD");
    /// <summary>Borrows (remove liquidity).</summary>
    public static readonly Color Borrows = Color.FromHex("#BCBD22");

    /// <summary>The traffic-light colour of a shortfall probability or coverage verdict.</summary>
    public static Color ForStatus(Risk.MarketStatus status) => status switch
    {
        Risk.MarketStatus.Red => Danger,
        Risk.MarketStatus.Amber => Caution,
        _ => Safe,
    };
}
