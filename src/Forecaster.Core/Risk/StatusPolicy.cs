namespace Forecaster.Risk;

/// <summary>
/// Turns a shortfall probability and the current utilization into a <see cref="MarketStatus"/>.
/// Thresholds are inclusive lower bounds: a probability equal to <see cref="RedProbability"/> is red.
/// </summary>
/// <param name="AmberProbability">Shortfall probability (24 h) from which a market is amber, in [0, 1].</param>
/// <param name="RedProbability">Shortfall probability (24 h) from which a market is red, in [0, 1].</param>
/// <param name="AmberUtilization">Utilization from which a market is amber whatever the probability.</param>
/// <param name="RedUtilization">Utilization from which a market is red whatever the probability.</param>
public sealed record StatusPolicy(double AmberProbability, double RedProbability, double AmberUtilization, double RedUtilization)
{
    /// <summary>The defaults used by the brief: amber at 5% or 90% utilization, red at 25% or 95%.</summary>
    public static StatusPolicy Default { get; } = new(0.05, 0.25, 0.90, 0.95);

    /// <summary>The status for a market.</summary>
    public MarketStatus Classify(double shortfallProbability24h, double utilization) =>
        shortfallProbability24h >= RedProbability || utilization >= RedUtilization ? MarketStatus.Red
        : shortfallProbability24h >= AmberProbability || utilization >= AmberUtilization ? MarketStatus.Amber
        : MarketStatus.Green;
}
