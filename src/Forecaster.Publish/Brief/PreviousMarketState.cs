using Forecaster.Risk;

namespace Forecaster.Publish.Brief;

/// <summary>What a previous brief said about one market (read back from its brief.json).</summary>
/// <param name="Status">Its status, or null when it was not assessed.</param>
/// <param name="ShortfallProbability24h">Its probability, or null.</param>
/// <param name="Utilization">Its utilization, or null.</param>
public sealed record PreviousMarketState(MarketStatus? Status, double? ShortfallProbability24h, double? Utilization);
