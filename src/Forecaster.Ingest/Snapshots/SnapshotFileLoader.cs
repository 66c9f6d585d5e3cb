using Forecaster.Markets;

namespace Forecaster.Ingest.Snapshots;

/// <summary>
/// Reads and cleans snapshot files (CSV, CSV.gz, Parquet) into markets without storing them: the first half of
/// ingestion, and all that tools working straight on files need (backtests, replays).
/// </summary>
public static class SnapshotFileLoader
{
    /// <summary>Loads the files, grouped by market in the order first seen.</summary>
    /// <param name="files">Snapshot files; a market's files are taken oldest first (a later file's hour wins).</param>
    /// <param name="market">Market every file goes to; null takes each file's name.</param>
    /// <param name="lenient">When false, the first malformed row throws; when true, such rows are returned as rejections.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    /// <exception cref="SnapshotFormatException">Strict mode and a malformed row, or a missing column.</exception>
    /// <exception cref="ForecasterException">A file does not exist or a market name is unusable.</exception>
    public static async Task<IReadOnlyList<LoadedMarket>> LoadAsync(IReadOnlyList<string> files, string? market = null, bool lenient = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new ForecasterException("No snapshot files given.");
        if (market is not null) CheckMarketName(market, "--market");

        var reads = new List<(string Market, SnapshotReadResult Read)>();
        foreach (var path in files)
        {
            if (!File.Exists(path)) throw new ForecasterException($"Snapshot file not found: {path}");
            var read = await ReadAsync(path, cancellationToken);
            if (!lenient && read.Rejections.Count > 0) throw new SnapshotFormatException(read.Rejections[0]);
            reads.Add((market ?? MarketNameOf(path), read));
        }

        var loaded = new List<LoadedMarket>();
        foreach (var group in reads.GroupBy(r => r.Market))
        {
            var cleaned = SnapshotCleaner.Clean(group.SelectMany(g => g.Read.Rows));
            if (!lenient && cleaned.Duplicates.Count > 0) throw new SnapshotFormatException(cleaned.Duplicates[0]);
            loaded.Add(new LoadedMarket(Market.FromName(group.Key), group.Select(g => g.Read.File).ToList(),
                group.Sum(g => g.Read.RowsRead), cleaned, group.SelectMany(g => g.Read.Rejections).Concat(cleaned.Duplicates).ToList()));
        }
        return loaded;
    }

    /// <summary>The market name a file stands for: its name without .gz, .csv or .parquet.</summary>
    /// <exception cref="ForecasterException">The name is not a usable market name.</exception>
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
}
