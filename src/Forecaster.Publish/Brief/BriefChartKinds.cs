namespace Forecaster.Publish.Brief;

/// <summary>The kinds of chart a brief holds (stable names: they appear in brief.json and in file names).</summary>
public static class BriefChartKinds
{
    /// <summary>Available-liquidity fan chart.</summary>
    public const string Fan = "fan";
    /// <summary>Utilization with kink, shortfall line, anomalies and alerts.</summary>
    public const string Utilization = "utilization";
    /// <summary>Shortfall probability over time.</summary>
    public const string Probability = "probability";
    /// <summary>Hourly flow decomposition.</summary>
    public const string Flows = "flows";
    /// <summary>Reserve coverage under stress scenarios.</summary>
    public const string Stress = "stress";
    /// <summary>Cross-market heat map.</summary>
    public const string HeatMap = "heatmap";
}
