using System.Globalization;
using Parquet.Serialization;

namespace Forecaster.Ingest.Snapshots;

/// <summary>
/// Reads snapshot Parquet files (the shared data's original format). Typed values are rendered to invariant text and go
/// through the same <see cref="SnapshotRowParser"/> as CSV, so both formats accept and reject exactly the same values.
/// Row numbers in messages count as if the file had a header line (first data row is 2), to match CSV line numbers.
/// </summary>
public static class SnapshotParquetReader
{
    /// <summary>Reads a whole file.</summary>
    /// <exception cref="SnapshotFormatException">A required column is missing, or the file is not Parquet.</exception>
    public static async Task<SnapshotReadResult> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = Path.GetFileName(path);
        await using var stream = File.OpenRead(path);
        Parquet.Serialization.DeserializationResult<Dictionary<string, object>> result;
        try
        {
            result = await ParquetSerializer.DeserializeUntypedAsync(stream, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new SnapshotFormatException(new RowRejection(file, 1, "", 0, $"not a readable Parquet file ({e.Message})", ""));
        }

        var header = result.Schema.GetDataFields().Select(f => f.Name).ToList();
        var parser = new SnapshotRowParser(file, header);
        var rows = new List<SnapshotRow>(result.Data.Count);
        var rejections = new List<RowRejection>();
        var fields = new string[header.Count];
        for (var r = 0; r < result.Data.Count; r++)
        {
            var record = result.Data[r];
            for (var c = 0; c < header.Count; c++)
                fields[c] = record.TryGetValue(header[c], out var value) ? Render(value) : "";
            var (row, rejection) = parser.Parse(r + 2, fields, string.Join(',', fields));
            if (row is not null) rows.Add(row);
            else rejections.Add(rejection!);
        }
        return new SnapshotReadResult(file, rows, rejections);
    }

    private static string Render(object? value) => value switch
    {
        null => "",
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)).ToString("o", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
