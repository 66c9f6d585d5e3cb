namespace Forecaster.Store.DuckDb;

/// <summary>
/// Packs a log's topics and data into one BLOB: one byte with the topic count, each topic's 32 bytes, then the data.
/// Lossless for well-formed logs (topics are always 32 bytes); read back as lower-case 0x hex.
/// </summary>
internal static class DuckDbLogPayload
{
    public static byte[] Pack(IReadOnlyList<string> topics, byte[] data)
    {
        var payload = new byte[1 + topics.Count * 32 + data.Length];
        payload[0] = (byte)topics.Count;
        for (var i = 0; i < topics.Count; i++)
        {
            var hex = topics[i].AsSpan(topics[i].StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 2 : 0);
            if (hex.Length != 64) throw new ArgumentException($"Topic '{topics[i]}' is not 32 bytes.", nameof(topics));
            Convert.FromHexString(hex, payload.AsSpan(1 + i * 32, 32), out _, out _);
        }
        data.CopyTo(payload, 1 + topics.Count * 32);
        return payload;
    }

    public static (string[] Topics, byte[] Data) Unpack(byte[] payload)
    {
        var count = payload[0];
        var topics = new string[count];
        for (var i = 0; i < count; i++) topics[i] = "0x" + Convert.ToHexStringLower(payload, 1 + i * 32, 32);
        return (topics, payload[(1 + count * 32)..]);
    }
}
