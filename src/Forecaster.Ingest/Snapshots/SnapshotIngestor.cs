using System.Globalization;
using Forecaster.Pipeline;

namespace Forecaster.Ingest.Snapshots;

/// <summary>
/// Ingests hourly snapshot files (CSV, CSV.gz, Parquet) into a market store. All files are read and checked before
/// anything is written, and everything is written in one transaction: a failed run leaves the store as it was.
/// </summary>
public sealed class SnapshotIngestor(IMarketStore store, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Reads, cleans and stores the files.</summary>
    /// <exception cref="SnapshotFormatException">Strict mode and a malformed row or missing column; nothing stored.</exception>
    /// <exception cref="ForecasterException">A file does not exist or a market name is unusable.</exception>
    public async Task<SnapshotIngestSummary> IngestAsync(IReadOnlyList<string> files, SnapshotIngestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var loaded = await SnapshotFileLoader.LoadAsync(files, options.Market, options.Lenient, cancellationToken);
        var batches = loaded.Select(m => new MarketBatch(m.Market, m.Hours)).ToList();
        var summaries = loaded.Select(m => new MarketIngestSummary(m.Market.Name, m.Files, m.RowsRead, 0, 0, 0, 0, m.Cleaned, m.Rejections.Count)).ToList();
        var rejections = loaded.SelectMany(m => m.Rejections).ToList();

        // Rejects are written before the store is touched: even if the write then fails, what was rejected is on disk.
        var rejectsFile = rejections.Count > 0 ? WriteRejects(rejections, options.RejectsDirectory) : null;

        var results = await store.UpsertAsync(batches, cancellationToken);
        var merged = summaries.Zip(results, (s, r) => s with { Inserted = r.Inserted, Updated = r.Updated, Unchanged = r.Unchanged, KeptNewer = r.KeptNewer }).ToList();
        return new SnapshotIngestSummary(merged, rejectsFile);
    }

    private string WriteRejects(IReadOnlyList<RowRejection> rejections, string directory)
    {
        Directory.CreateDirectory(directory);
        var stamp = _clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"snapshots-{stamp}.rejects.csv");
        using var writer = new StreamWriter(path);
        writer.WriteLine("file,line,column,reason,raw");
        foreach (var r in rejections)
            writer.WriteLine(string.Join(',', Quote(r.File), r.Line, Quote(r.Column), Quote(r.Reason), Quote(r.Raw)));
        return path;
    }

    private static string Quote(string field) => $"\"{field.Replace("\"", "\"\"")}\"";
}
