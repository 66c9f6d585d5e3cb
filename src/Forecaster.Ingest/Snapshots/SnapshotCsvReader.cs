using System.IO.Compression;
using System.Text;

namespace Forecaster.Ingest.Snapshots;

/// <summary>
/// Reads snapshot CSV files, gzip-compressed or not (told by the content's magic bytes, not the file name).
/// Fields may be quoted with double quotes; blank lines are ignored (they carry no data).
/// </summary>
public static class SnapshotCsvReader
{
    /// <summary>Reads a whole file.</summary>
    /// <exception cref="SnapshotFormatException">The header lacks a required column, or the file is empty.</exception>
    public static SnapshotReadResult Read(string path)
    {
        using var stream = OpenMaybeCompressed(path);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return Read(Path.GetFileName(path), reader);
    }

    /// <summary>Reads CSV text; <paramref name="file"/> names it in messages.</summary>
    public static SnapshotReadResult Read(string file, TextReader reader)
    {
        var headerLine = reader.ReadLine()
            ?? throw new SnapshotFormatException(new RowRejection(file, 1, "", 0, "file is empty (no header)", ""));
        var parser = new SnapshotRowParser(file, SplitLine(headerLine).Select(h => h.Trim()).ToList());

        var rows = new List<SnapshotRow>();
        var rejections = new List<RowRejection>();
        long line = 1;
        var fields = new List<string>(parser.ColumnCount);
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            fields.Clear();
            fields.AddRange(SplitLine(text));
            var (row, rejection) = parser.Parse(line, fields, text);
            if (row is not null) rows.Add(row);
            else rejections.Add(rejection!);
        }
        return new SnapshotReadResult(file, rows, rejections);
    }

    internal static Stream OpenMaybeCompressed(string path)
    {
        var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        var read = file.Read(magic);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    // Splits on commas; honours double-quoted fields ("" is an escaped quote). The fast path has no quotes at all.
    internal static IEnumerable<string> SplitLine(string line)
    {
        if (!line.Contains('"'))
        {
            foreach (var part in line.Split(',')) yield return part;
            yield break;
        }
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { yield return field.ToString(); field.Clear(); }
            else field.Append(c);
        }
        yield return field.ToString();
    }
}
