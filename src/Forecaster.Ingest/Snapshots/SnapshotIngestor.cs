using System.Globalization;
using Forecaster.Markets;
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
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        if (files.Count == 0) throw new ForecasterException("No snapshot files given.");
        if (options.Market is not null) CheckMarketName(options.Market, "--market");

        var reads = new List<(string Market, SnapshotReadResult Read)>();
        foreach (var path in files)
        {
            if (!File.Exists(path)) throw new ForecasterException($"Snapshot file not found: {path}");
            var market = options.Market ?? MarketNameOf(path);
            var read = await ReadAsync(path, cancellationToken);
            if (!options.Lenient && read.Rejections.Count > 0) throw new SnapshotFormatException(read.Rejections[0]);
            reads.Add((market, read));
        }

        var summaries = new List<MarketIngestSummary>();
        var batches = new List<MarketBatch>();
        var rejections = new List<RowRejection>();
        foreach (var group in reads.GroupBy(r => r.Market))
        {
            var cleaned = SnapshotCleaner.Clean(group.SelectMany(g => g.Read.Rows));
            if (!options.Lenient && cleaned.Duplicates.Count > 0) throw new SnapshotFormatException(cleaned.Duplicates[0]);
            var marketRejections = group.SelectMany(g => g.Read.Rejections).Concat(cleaned.Duplicates).ToList();
            rejections.AddRange(marketRejections);
            batches.Add(new MarketBatch(Market.FromName(group.Key), cleaned.Hours));
            summaries.Add(new MarketIngestSummary(group.Key, group.Select(g => g.Read.File).ToList(),
                group.Sum(g => g.Read.RowsRead), 0, 0, 0, 0, cleaned, marketRejections.Count));
        }

        // Rejects are written before the store is touched: even if the write then fails, what was rejected is on disk.
        var rejectsFile = rejections.Count > 0 ? WriteRejects(rejections, options.RejectsDirectory) : null;

        var results = await store.UpsertAsync(batches, cancellationToken);
        var merged = summaries.Zip(results, (s, r) => s with { Inserted = r.Inserted, Updated = r.Updated, Unchanged = r.Unchanged, KeptNewer = r.KeptNewer }).ToList();
        return new SnapshotIngestSummary(merged, rejectsFile);
    }

    /// <summary>The market name a file stands for: its name without .gz, .csv or .parquet.</summary>
    public static string MarketNameOf(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var extension in new[] { ".gz", ".csv", ".parquet" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) name = name[..^extension.Length];
        }
        CheckMarketName(name, $"file name '{Path.GetFileName(path)}' (use --market NAME)");
        return name;
    }

    private static void CheckMarketName(string name, string source)
    {
        try { Market.ValidateName(name); }
        catch (ArgumentException e) { throw new ForecasterException($"{source}: {e.Message.Split(" (Parameter")[0]}"); }
    }

    private static async Task<SnapshotReadResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var isParquet = path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || StartsWithParquetMagic(path);
        return isParquet ? await SnapshotParquetReader.ReadAsync(path, cancellationToken) : SnapshotCsvReader.Read(path);
    }

    private static bool StartsWithParquetMagic(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return file.Read(magic) == 4 && magic.SequenceEqual("PAR1"u8);
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
