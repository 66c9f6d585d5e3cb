namespace Forecaster.EarlyWarning;

/// <summary>The evaluation of one model over several markets.</summary>
/// <param name="Summary">Pooled over all markets (episodes, alerts and hours of every market together).</param>
/// <param name="Markets">Each market's own evaluation.</param>
public sealed record WarningReport(WarningSummary Summary, IReadOnlyList<MarketWarningReport> Markets);
