using System.Globalization;
using System.Text;
using Forecaster.Ingest.Snapshots;

namespace Forecaster.Ingest.Prices;

/// <summary>
/// Reads the shared price format (<c>symbol,timestamp,USD_price</c>; timestamp in unix milliseconds; gzip or plain).
/// Strict: the first bad row stops the read with its file, line and column, because a price series with silently
/// dropped rows would understate volatility exactly where the data is worst.
/// </summary>
public static class PriceCsvReader
{
    /// <summary>The columns a price file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = ["symbol", "timestamp", "USD_price"];

    // Milliseconds from 2009-01-01 (before any token) to 2100-01-01: outside is a unit or typing error, not a price.
    private const long EarliestMs = 1_230_768_000_000;
    private const long LatestMs = 4_102_444_800_000;

    /// <summary>Reads a whole file.</summary>
    /// <exception cref="PriceFormatException">A row or the header is malformed; the message names file, line and column.</exception>
    public static PriceFile Read(string path)
    {
        if (!File.Exists(path)) throw new ForecasterException($"Price file not found: {path}");
        using var stream = SnapshotCsvReader.OpenMaybeCompressed(path);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return Read(Path.GetFileName(path), reader);
    }

    /// <summary>Reads CSV text; <paramref name="file"/> names it in messages.</summary>
    /// <exception cref="PriceFormatException">A row or the header is malformed.</exception>
    public static PriceFile Read(string file, TextReader reader)
    {
        var headerLine = reader.ReadLine() ?? throw Fail(file, 1, "", 0, "file is empty (no header)", "");
        var header = SnapshotCsvReader.SplitLine(headerLine).Select(h => h.Trim()).ToList();
        var index = Required.Select(name => header.IndexOf(name)).ToArray();
        for (var i = 0; i < index.Length; i++)
        {
            if (index[i] < 0)
                throw Fail(file, 1, Required[i], 0, $"required column '{Required[i]}' is missing from the header (columns: {string.Join(", ", header)})", headerLine);
        }

        string? symbol = null;
        var observations = new List<PriceObservation>();
        long line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var fields = SnapshotCsvReader.SplitLine(text).ToList();
            if (fields.Count != header.Count) throw Fail(file, line, "", 0, $"row has {fields.Count} fields, the header has {header.Count}", text);
            PriceFormatException Bad(int column, string reason) => Fail(file, line, Required[column], index[column] + 1, reason, text);

            var rowSymbol = fields[index[0]].Trim().ToUpperInvariant();
            if (rowSymbol.Length == 0) throw Bad(0, "symbol is empty");
            symbol ??= rowSymbol;
            if (rowSymbol != symbol) throw Bad(0, $"symbol '{rowSymbol}' differs from the file's first symbol '{symbol}' (one token per file)");

            var timeText = fields[index[1]].Trim();
            if (!long.TryParse(timeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)) throw Bad(1, $"'{timeText}' is not an integer (unix milliseconds)");
            if (ms is < EarliestMs or > LatestMs)
                throw Bad(1, ms is > 0 and < EarliestMs / 1000 * 10
                    ? $"{ms} looks like unix seconds; the format is unix milliseconds"
                    : $"{ms} ms is outside 2009..2100");

            var priceText = fields[index[2]].Trim();
            if (!double.TryParse(priceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var price) || !double.IsFinite(price))
                throw Bad(2, $"'{priceText}' is not a number");
            if (price <= 0) throw Bad(2, $"price {priceText} is not positive");
            observations.Add(new PriceObservation(ms, price, line));
        }
        if (symbol is null) throw Fail(file, line, "", 0, "file has a header but no price rows", "");
        return new PriceFile(file, symbol, observations);
    }

    private static PriceFormatException Fail(string file, long line, string column, int columnNumber, string reason, string raw) =>
        new(new RowRejection(file, line, column, columnNumber, reason, raw));
}
