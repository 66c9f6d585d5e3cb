namespace Forecaster.Flows;

/// <summary>What one <see cref="FlowLogBatch"/> did to the store.</summary>
/// <param name="Inserted">Logs that were not stored before.</param>
/// <param name="AlreadyStored">Logs skipped because the same (chain, transaction hash, log index) was stored before.</param>
public sealed record FlowAppendResult(long Inserted, long AlreadyStored);
