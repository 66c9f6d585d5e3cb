using System.Buffers.Binary;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// Packs a log's topics after the first, and its data, into one compact BLOB. ABI words are 32 bytes but mostly leading zeros
/// (an address fills 20, an amount often 8 to 12), so each topic and each whole data word is stored as a length byte and its
/// bytes without the leading zeros. The first topic, the event's signature hash, is one of a handful per contract and is stored
/// as a small id (flow_signatures) beside the payload instead: about 75 bytes for a pool event instead of 257.
/// Layout: topic count (the first topic included); per later topic (length, bytes); data length as 4 bytes little-endian;
/// per whole 32-byte data word (length, bytes); the data's last (length mod 32) bytes verbatim. Lossless for well-formed logs
/// (topics are 32 bytes); topics read back as lower-case 0x hex.
/// </summary>
internal static class DuckDbLogPayload
{
    private const int Word = 32;

    /// <summary>The most bytes <see cref="Pack"/> can write for a log of this shape (every word without leading zeros).</summary>
    public static int MaxLength(int topicCount, int dataLength) => 1 + topicCount * (1 + Word) + 4 + dataLength + dataLength / Word;

    /// <summary>
    /// Writes the packed log, all but its first topic, into <paramref name="destination"/> (at least <see cref="MaxLength"/>
    /// bytes) and returns its length.
    /// </summary>
    /// <exception cref="ArgumentException">More than 4 topics, or a later topic that is not 32 bytes of hex.</exception>
    public static int Pack(IReadOnlyList<string> topics, byte[] data, Span<byte> destination)
    {
        if (topics.Count > 4) throw new ArgumentException($"A log has at most 4 topics, not {topics.Count}.", nameof(topics));
        Span<byte> topic = stackalloc byte[Word];
        destination[0] = (byte)topics.Count;
        var at = 1;
        for (var i = 1; i < topics.Count; i++)
        {
            var text = topics[i];
            var hex = text.AsSpan(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 2 : 0);
            if (hex.Length != 2 * Word || Convert.FromHexString(hex, topic, out _, out _) != System.Buffers.OperationStatus.Done)
                throw new ArgumentException($"Topic '{text}' is not 32 bytes of hex.", nameof(topics));
            at = PutWord(destination, at, topic);
        }
        BinaryPrimitives.WriteInt32LittleEndian(destination[at..], data.Length);
        at += 4;
        var words = data.Length / Word;
        for (var w = 0; w < words; w++) at = PutWord(destination, at, data.AsSpan(w * Word, Word));
        data.AsSpan(words * Word).CopyTo(destination[at..]);
        return at + data.Length % Word;
    }

    /// <summary>The log's topics, <paramref name="firstTopic"/> first, and its data.</summary>
    public static (string[] Topics, byte[] Data) Unpack(ReadOnlySpan<byte> payload, string? firstTopic)
    {
        Span<byte> word = stackalloc byte[Word];
        var topics = new string[payload[0]];
        if (topics.Length > 0) topics[0] = firstTopic ?? throw new ArgumentNullException(nameof(firstTopic), "The log has topics but no signature.");
        var at = 1;
        for (var i = 1; i < topics.Length; i++)
        {
            at = GetWord(payload, at, word);
            topics[i] = "0x" + Convert.ToHexStringLower(word);
        }
        var data = new byte[BinaryPrimitives.ReadInt32LittleEndian(payload[at..])];
        at += 4;
        var words = data.Length / Word;
        for (var w = 0; w < words; w++) at = GetWord(payload, at, data.AsSpan(w * Word, Word));
        payload.Slice(at, data.Length % Word).CopyTo(data.AsSpan(words * Word));
        return (topics, data);
    }

    private static ReadOnlySpan<byte> Significant(ReadOnlySpan<byte> word)
    {
        var first = word.IndexOfAnyExcept((byte)0);
        return first < 0 ? [] : word[first..];
    }

    private static int PutWord(Span<byte> payload, int at, ReadOnlySpan<byte> word)
    {
        var significant = Significant(word);
        payload[at] = (byte)significant.Length;
        significant.CopyTo(payload[(at + 1)..]);
        return at + 1 + significant.Length;
    }

    private static int GetWord(ReadOnlySpan<byte> payload, int at, Span<byte> word)
    {
        int length = payload[at];
        word.Clear();
        payload.Slice(at + 1, length).CopyTo(word[(Word - length)..]);
        return at + 1 + length;
    }
}
