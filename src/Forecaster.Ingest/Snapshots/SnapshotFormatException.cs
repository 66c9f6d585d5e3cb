namespace Forecaster.Ingest.Snapshots;

/// <summary>A snapshot file has a malformed row or a missing column (strict mode); nothing was stored.</summary>
public sealed class SnapshotFormatException(RowRejection rejection)
    : ForecasterException(rejection.Describe() + " (nothing was stored; --lenient sends such rows to a rejects file instead)")
{
    /// <summary>The offending row.</summary>
    public RowRejection Rejection { get; } = rejection;
}
