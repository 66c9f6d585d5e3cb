namespace Forecaster.Ingest.Snapshots;

/// <summary>What a reader got out of one file: the good rows and why the others were rejected.</summary>
public sealed record SnapshotReadResult(string File, IReadOnlyList<SnapshotRow> Rows, IReadOnlyList<RowRejection> Rejections)
{
    /// <summary>Rows read, good and bad.</summary>
    public long RowsRead => Rows.Count + Rejections.Count;
}
