using Forecaster.Pipeline;
using Forecaster.Prices;

namespace Forecaster.Ingest.Prices;

/// <summary>
/// Ingests price files into a price store: every file is read and checked first, files of the same token are merged,
/// and all tokens are written in one transaction, so a bad row anywhere leaves the store as it was.
/// </summary>
public sealed class PriceIngestor(IPriceStore store)
{
    /// <summary>Reads, aggregates to hours and stores the files.</summary>
    /// <exception cref="PriceFormatException">A row or header is malformed; nothing stored.</exception>
    /// <exception cref="ForecasterException">A file does not exist.</exception>
    public async Task<IReadOnlyList<PriceIngestSummary>> IngestAsync(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new ForecasterException("No price files given.");
        var read = files.Select(PriceCsvReader.Read).ToList();
        var symbols = read.GroupBy(f => f.Symbol).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var (hours, missing, longest) = HourlyPrices.From(g.SelectMany(f => f.Observations));
            return (Symbol: g.Key, Files: g.Select(f => f.File).ToList(), Rows: g.Sum(f => (long)f.Observations.Count), Hours: hours, Missing: missing, Longest: longest);
        }).ToList();
        var results = await store.UpsertPricesAsync(symbols.Select(s => new PriceBatch(s.Symbol, s.Hours)).ToList(), cancellationToken);
        return symbols.Zip(results, (s, r) => new PriceIngestSummary(s.Symbol, s.Files, s.Rows, s.Hours.Count, s.Hours[0].Hour, s.Hours[^1].Hour,
            s.Missing, s.Longest, r.Inserted, r.Updated, r.Unchanged)).ToList();
    }
}
