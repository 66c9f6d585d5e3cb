namespace Forecaster.Flows;

/// <summary>
/// Where the hourly aggregation of one source's stored logs stood after every log up to and including <see cref="Block"/>, so
/// that the next run aggregates only the logs after it. A reorg rollback removes the points at or past its first block.
/// </summary>
/// <param name="Chain">Chain name.</param>
/// <param name="Source">0x-prefixed pool address, lower case.</param>
/// <param name="Block">Last block whose logs the point includes.</param>
/// <param name="Format">Version of the aggregation that wrote the point; a point of another version is not resumed from.</param>
/// <param name="MarketPrefix">The market name prefix of the run that saved the point.</param>
/// <param name="Reserves">Each reserve's state, ordered by asset.</param>
public sealed record AggregationPoint(string Chain, string Source, long Block, int Format, string MarketPrefix, IReadOnlyList<ReserveAggregation> Reserves);
