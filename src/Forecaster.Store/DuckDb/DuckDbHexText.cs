namespace Forecaster.Store.DuckDb;

/// <summary>
/// Stores hashes and addresses as BLOBs: a 0x-prefixed, lower-case, even-length hex string becomes its bytes behind a 0 tag
/// (33 bytes for a 66-character hash, which DuckDB appends and stores about four times cheaper than the text); anything else
/// (a synthetic id, an empty account) is kept as UTF-8 behind a 1 tag, so every string reads back exactly as written.
/// </summary>
internal static class DuckDbHexText
{
    private const byte HexTag = 0;
    private const byte TextTag = 1;

    public static byte[] Pack(string text)
    {
        if (IsLowerHex(text))
        {
            var packed = new byte[1 + (text.Length - 2) / 2];
            packed[0] = HexTag;
            Convert.FromHexString(text.AsSpan(2), packed.AsSpan(1), out _, out _);
            return packed;
        }
        var utf8 = new byte[1 + System.Text.Encoding.UTF8.GetByteCount(text)];
        utf8[0] = TextTag;
        System.Text.Encoding.UTF8.GetBytes(text, utf8.AsSpan(1));
        return utf8;
    }

    public static string Unpack(ReadOnlySpan<byte> packed) => packed[0] switch
    {
        HexTag => "0x" + Convert.ToHexStringLower(packed[1..]),
        TextTag => System.Text.Encoding.UTF8.GetString(packed[1..]),
        var tag => throw new InvalidDataException($"Unknown text tag {tag} in a stored hash or address."),
    };

    // Only lower case round-trips through bytes; an upper-case digit keeps the text form.
    private static bool IsLowerHex(string text)
    {
        if (text.Length < 2 || text.Length % 2 != 0 || text[0] != '0' || text[1] != 'x') return false;
        foreach (var c in text.AsSpan(2))
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f')) return false;
        return true;
    }
}
