namespace Forecaster.Ingest.Snapshots;

/// <summary>One well-formed row of a snapshot file, before cleaning.</summary>
/// <param name="Line">1-based line (CSV, header is line 1) or row number (Parquet, first data row is 2, as if it had a header).</param>
public sealed record SnapshotRow(
    string File,
    long Line,
    DateTimeOffset Hour,
    long SnapshotTimestamp,
    long Block,
    double SuppliedUsd,
    double BorrowedUsd,
    double LiquidationsUsd,
    double SupplyRatePct,
    double BorrowRatePct)
{
    /// <summary>Total deposits in raw token units; NaN when the file has no such column or the cell is empty.</summary>
    public double SuppliedTokens { get; init; } = double.NaN;

    /// <summary>True for the placeholder rows the source writes before a market opened.</summary>
    public bool IsAllZero => SuppliedUsd == 0 && BorrowedUsd == 0 && LiquidationsUsd == 0;
}
