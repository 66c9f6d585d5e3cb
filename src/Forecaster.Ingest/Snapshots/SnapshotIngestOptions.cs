namespace Forecaster.Ingest.Snapshots;

/// <summary>Options of <see cref="SnapshotIngestor"/>.</summary>
public sealed record SnapshotIngestOptions
{
    /// <summary>Market every file goes to; null takes each file's name (without extensions) as its market.</summary>
    public string? Market { get; init; }

    /// <summary>When true, malformed rows go to a rejects file and the run goes on; when false, the first one fails the run and nothing is stored.</summary>
    public bool Lenient { get; init; }

    /// <summary>Folder for rejects files (lenient mode).</summary>
    public string RejectsDirectory { get; init; } = Path.Combine("data", "quarantine");
}
