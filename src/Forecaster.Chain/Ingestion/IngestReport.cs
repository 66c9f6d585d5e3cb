namespace Forecaster.Chain.Ingestion;

/// <summary>What one ingestion run did.</summary>
/// <param name="ChainId">The node's chain id.</param>
/// <param name="FromBlock">First block read this run (inclusive); greater than <paramref name="ToBlock"/> when nothing was new.</param>
/// <param name="ToBlock">Last block read (inclusive), the new checkpoint.</param>
/// <param name="LogsRead">Logs returned by the node.</param>
/// <param name="Inserted">Logs stored for the first time.</param>
/// <param name="AlreadyStored">Logs that were stored before (a range read twice).</param>
/// <param name="Rejected">Logs with a Pool event's topic 0 that could not be decoded, with reasons (first 20).</param>
/// <param name="RolledBack">Logs removed because their blocks were reorganised away.</param>
/// <param name="ReorgFromBlock">First block rolled back, or null when there was no reorg.</param>
/// <param name="RangeRefusals">Log ranges the node refused as too large (each then split).</param>
/// <param name="HoursWritten">Market hours upserted: from the saved aggregation point's last hour on (every hour when aggregated from the opening).</param>
/// <param name="Drifts">Reconciliation of each reserve at <paramref name="ToBlock"/>; empty when not run.</param>
/// <param name="TransferChecks">aToken transfers next to the Pool events of the logs aggregated in this run, per reserve; empty when aToken transfers are not read.</param>
public sealed record IngestReport(
    long ChainId, long FromBlock, long ToBlock, long LogsRead, long Inserted, long AlreadyStored,
    IReadOnlyList<string> Rejected, long RolledBack, long? ReorgFromBlock, int RangeRefusals, long HoursWritten,
    IReadOnlyList<ReserveDrift> Drifts, IReadOnlyList<ATokenTransferSummary> TransferChecks);
