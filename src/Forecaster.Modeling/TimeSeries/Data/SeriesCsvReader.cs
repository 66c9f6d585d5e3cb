using System.Globalization;

namespace Forecaster.Modeling.TimeSeries.Data;

/// <summary>
/// Reads one numeric series from a CSV with a header: the named column, or else the only column that is not a
/// timestamp (<c>timestamp</c>, <c>time</c>, <c>date</c>, <c>hour_utc</c>). Rows keep file order. A value that is not
/// a number stops the read with the file, line and column named: a model must not run on a silently shortened series.
/// </summary>
public static class SeriesCsvReader
{
    private static readonly string[] TimeColumns = ["timestamp", "time", "date", "hour_utc", "datetime"];

    /// <summary>Reads the series.</summary>
    /// <param name="path">CSV file (a <c>.gz</c> suffix is decompressed).</param>
    /// <param name="column">Value column; null picks the single non-timestamp column.</param>
    /// <exception cref="ForecasterException">Missing file or column, ambiguous column, empty series or a bad value.</exception>
    public static double[] Read(string path, string? column = null)
    {
        if (!File.Exists(path)) throw new ForecasterException($"--input: file not found: {path}.");
        using var stream = File.OpenRead(path);
        using var decoded = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress)
            : (Stream)stream;
        using var reader = new StreamReader(decoded);
        var header = reader.ReadLine() ?? throw new ForecasterException($"{path}: the file is empty (a header line is expected).");
        var names = header.Split(',').Select(n => n.Trim().Trim('"')).ToArray();
        var index = ChooseColumn(names, column, path);
        var values = new List<double>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var cells = text.Split(',');
            if (index >= cells.Length) throw new ForecasterException($"{path}:{line}: {cells.Length} cells, column '{names[index]}' is cell {index + 1}.");
            var cell = cells[index].Trim().Trim('"');
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                throw new ForecasterException($"{path}:{line}: column '{names[index]}' is '{cell}', not a finite number.");
            values.Add(value);
        }
        if (values.Count == 0) throw new ForecasterException($"{path}: no data rows after the header.");
        return values.ToArray();
    }

    private static int ChooseColumn(string[] names, string? column, string path)
    {
        if (column is not null)
        {
            var found = Array.FindIndex(names, n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
            return found >= 0 ? found : throw new ForecasterException($"--column: '{column}' is not a column of {path} (columns: {string.Join(", ", names)}).");
        }
        var candidates = names.Select((n, i) => (n, i)).Where(c => !TimeColumns.Contains(c.n, StringComparer.OrdinalIgnoreCase)).ToList();
        return candidates.Count == 1
            ? candidates[0].i
            : throw new ForecasterException($"--column is required: {path} has {candidates.Count} value columns ({string.Join(", ", candidates.Select(c => c.n))}).");
    }
}
