namespace Forecaster.Publish.Charts;

/// <summary>Inputs of the utilization chart.</summary>
/// <param name="Title">Chart title (the market; simulated markets say so).</param>
/// <param name="Times">Hours, in time order; at least one.</param>
/// <param name="Utilization">Utilization at those hours, in [0, 1].</param>
/// <param name="ShortfallUtilization">The shortfall level, in (0, 1].</param>
/// <param name="KinkUtilization">The interest-rate curve's kink in (0, 1), or null when unknown (not drawn).</param>
/// <param name="Anomalies">Hours an anomaly detector flagged; empty when none or no detector ran.</param>
/// <param name="Alerts">Alert periods to shade; empty when none.</param>
public sealed record UtilizationChartData(
    string Title,
    IReadOnlyList<DateTimeOffset> Times,
    IReadOnlyList<double> Utilization,
    double ShortfallUtilization,
    double? KinkUtilization,
    IReadOnlyList<DateTimeOffset> Anomalies,
    IReadOnlyList<AlertPeriod> Alerts);
