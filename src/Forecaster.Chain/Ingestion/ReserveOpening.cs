namespace Forecaster.Chain.Ingestion;

/// <summary>A reserve's balances when ingestion starts after the pool's deployment, with what converts them to scaled balances.</summary>
/// <param name="Balance">Totals read from the pool at the opening block.</param>
/// <param name="Indexes">The reserve's indexes at that block; null when the node no longer has that block's state.</param>
/// <param name="OpenedAt">Unix seconds of the opening block.</param>
public sealed record ReserveOpening(Forecaster.Flows.ReserveBalance Balance, ReserveIndexes? Indexes, long OpenedAt);
