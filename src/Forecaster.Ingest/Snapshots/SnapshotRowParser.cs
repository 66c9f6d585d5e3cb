using System.Globalization;

namespace Forecaster.Ingest.Snapshots;

/// <summary>
/// Turns one row's text fields into a <see cref="SnapshotRow"/> or a <see cref="RowRejection"/> naming the first bad column.
/// Readers of every file format go through it, so a value means the same whatever file it came from.
/// </summary>
internal sealed class SnapshotRowParser
{
    private readonly string _file;
    private readonly IReadOnlyList<string> _header;
    private readonly int[] _index;
    private readonly int _tokensIndex;

    /// <summary>Maps the header; throws when a required column is missing.</summary>
    /// <exception cref="SnapshotFormatException">A required column is missing.</exception>
    public SnapshotRowParser(string file, IReadOnlyList<string> header)
    {
        _file = file;
        _header = header;
        _index = new int[SnapshotSchema.Required.Count];
        for (var i = 0; i < _index.Length; i++)
        {
            var name = SnapshotSchema.Required[i];
            _index[i] = header.ToList().IndexOf(name);
            if (_index[i] < 0)
                throw new SnapshotFormatException(new RowRejection(file, 1, name, 0,
                    $"required column '{name}' is missing from the header (columns: {string.Join(", ", header)})", string.Join(',', header)));
        }
        // Optional: a file without it leaves every hour's token balance unknown.
        _tokensIndex = header.ToList().IndexOf(SnapshotSchema.SuppliedTokens);
    }

    /// <summary>Number of columns the header has.</summary>
    public int ColumnCount => _header.Count;

    /// <summary>Parses one row's fields (in header order).</summary>
    public (SnapshotRow? Row, RowRejection? Rejection) Parse(long line, IReadOnlyList<string> fields, string raw)
    {
        if (fields.Count != _header.Count)
            return (null, new RowRejection(_file, line, "", 0, $"row has {fields.Count} fields, the header has {_header.Count}", raw));

        RowRejection Reject(int required, string reason) =>
            new(_file, line, SnapshotSchema.Required[required], _index[required] + 1, reason, raw);

        var hourText = fields[_index[0]];
        if (!DateTimeOffset.TryParse(hourText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var hour))
            return (null, Reject(0, $"'{hourText}' is not an ISO-8601 time"));
        if (hour.Ticks % TimeSpan.TicksPerHour != 0)
            return (null, Reject(0, $"'{hourText}' is not on a whole UTC hour"));

        if (!TryInteger(fields[_index[1]], allowFraction: true, out var timestamp, out var why)) return (null, Reject(1, why));
        if (!TryInteger(fields[_index[2]], allowFraction: false, out var block, out why)) return (null, Reject(2, why));
        if (!TryAmount(fields[_index[3]], out var supplied, out why)) return (null, Reject(3, why));
        if (!TryAmount(fields[_index[4]], out var borrowed, out why)) return (null, Reject(4, why));
        if (!TryAmount(fields[_index[5]], out var liquidations, out why)) return (null, Reject(5, why));
        if (!TryRate(fields[_index[6]], out var supplyRate, out why)) return (null, Reject(6, why));
        if (!TryRate(fields[_index[7]], out var borrowRate, out why)) return (null, Reject(7, why));

        var tokens = double.NaN;
        if (_tokensIndex >= 0 && !TryOptionalAmount(fields[_tokensIndex], out tokens, out why))
            return (null, new RowRejection(_file, line, SnapshotSchema.SuppliedTokens, _tokensIndex + 1, why, raw));

        return (new SnapshotRow(_file, line, hour, timestamp, block, supplied, borrowed, liquidations, supplyRate, borrowRate) { SuppliedTokens = tokens }, null);
    }

    // The real data has a few sub-second snapshot timestamps ("1643288305.5"): the snapshot's second is what matters,
    // so timestamps are truncated; block numbers must be whole.
    private static bool TryInteger(string text, bool allowFraction, out long value, out string why)
    {
        why = "";
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0) return true;
        // Some exports write integers as floats ("1655542700.0").
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 && (allowFraction || d == Math.Floor(d)) && d < long.MaxValue)
        {
            value = (long)d;
            return true;
        }
        why = text.Length == 0 ? "value is empty" : allowFraction ? $"'{text}' is not a non-negative number" : $"'{text}' is not a non-negative integer";
        return false;
    }

    private static bool TryAmount(string text, out double value, out string why)
    {
        why = "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            if (value >= 0) return true;
            why = $"'{text}' is negative";
            return false;
        }
        why = text.Length == 0 ? "value is empty" : $"'{text}' is not a number";
        return false;
    }

    // An optional amount may be empty (the source did not know it): NaN, unknown. Anything else must be a non-negative number.
    private static bool TryOptionalAmount(string text, out double value, out string why)
    {
        value = double.NaN;
        why = "";
        return text.Length == 0 || TryAmount(text, out value, out why);
    }

    // Rates may legitimately be empty (the source had none for that hour): NaN, flagged later.
    private static bool TryRate(string text, out double value, out string why)
    {
        why = "";
        value = double.NaN;
        if (text.Length == 0) return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        why = $"'{text}' is not a number";
        return false;
    }
}
