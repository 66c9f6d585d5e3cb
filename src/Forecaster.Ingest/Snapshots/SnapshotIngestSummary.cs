namespace Forecaster.Ingest.Snapshots;

/// <summary>What one ingest run did.</summary>
/// <param name="Markets">Per market, in the order first seen.</param>
/// <param name="RejectsFile">The rejects file written (lenient mode with rejected rows), or null.</param>
public sealed record SnapshotIngestSummary(IReadOnlyList<MarketIngestSummary> Markets, string? RejectsFile)
{
    /// <summary>Rows read over all files.</summary>
    public long RowsRead => Markets.Sum(m => m.RowsRead);

    /// <summary>Rows rejected over all files.</summary>
    public long Rejected => Markets.Sum(m => m.Rejected);
}
