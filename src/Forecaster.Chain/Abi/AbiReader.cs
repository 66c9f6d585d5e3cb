using System.Buffers.Binary;
using System.Numerics;

namespace Forecaster.Chain.Abi;

/// <summary>
/// Reads static ABI-encoded values, each one 32-byte word: from event data (word index) or from an indexed topic.
/// Dynamic types (bytes, string, arrays) are read by <see cref="ReadAddressArray"/> only, the one the pool needs.
/// </summary>
public static class AbiReader
{
    /// <summary>Size of one ABI word in bytes.</summary>
    public const int WordSize = 32;

    /// <summary>The unsigned 256-bit integer in word <paramref name="index"/>.</summary>
    /// <exception cref="AbiDecodingException">The data is shorter than the word.</exception>
    public static BigInteger ReadUInt256(ReadOnlySpan<byte> data, int index) =>
        new(Word(data, index), isUnsigned: true, isBigEndian: true);

    /// <summary>The 20-byte address in word <paramref name="index"/>, 0x-prefixed lower-case hex.</summary>
    /// <exception cref="AbiDecodingException">The data is shorter than the word, or its 12 high bytes are not zero.</exception>
    public static string ReadAddress(ReadOnlySpan<byte> data, int index)
    {
        var word = Word(data, index);
        if (word[..12].IndexOfAnyExcept((byte)0) >= 0)
            throw new AbiDecodingException($"word {index} is not an address (high bytes set)");
        return Hex.Format(word[12..]);
    }

    /// <summary>The bool in word <paramref name="index"/>.</summary>
    /// <exception cref="AbiDecodingException">The word is neither 0 nor 1.</exception>
    public static bool ReadBool(ReadOnlySpan<byte> data, int index)
    {
        var word = Word(data, index);
        if (word[..31].IndexOfAnyExcept((byte)0) >= 0 || word[31] > 1)
            throw new AbiDecodingException($"word {index} is not a bool");
        return word[31] == 1;
    }

    /// <summary>An unsigned integer of at most 64 bits (uint8, uint16, uint40, uint64) in word <paramref name="index"/>.</summary>
    /// <exception cref="AbiDecodingException">The value does not fit 64 bits.</exception>
    public static ulong ReadUInt64(ReadOnlySpan<byte> data, int index)
    {
        var word = Word(data, index);
        if (word[..24].IndexOfAnyExcept((byte)0) >= 0)
            throw new AbiDecodingException($"word {index} does not fit 64 bits");
        return BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
    }

    /// <summary>An address held in an indexed topic (0x-prefixed 32-byte hex).</summary>
    public static string TopicAddress(string topic)
    {
        if (topic.Length != 66)
            throw new AbiDecodingException($"topic '{topic}' is not 32 bytes");
        if (topic.AsSpan(2, 24).IndexOfAnyExcept('0') >= 0)
            throw new AbiDecodingException($"topic '{topic}' is not an address (high bytes set)");
        return string.Concat("0x", topic.AsSpan(26)).ToLowerInvariant();
    }

    /// <summary>A dynamic <c>address[]</c> that is the only return value (head word = offset, then length, then elements).</summary>
    public static IReadOnlyList<string> ReadAddressArray(ReadOnlySpan<byte> data)
    {
        var offset = (int)ReadUInt64(data, 0);
        if (offset % WordSize != 0) throw new AbiDecodingException("address[] offset is not word-aligned");
        var start = offset / WordSize;
        var length = (int)ReadUInt64(data, start);
        var result = new string[length];
        for (var i = 0; i < length; i++) result[i] = ReadAddress(data, start + 1 + i);
        return result;
    }

    private static ReadOnlySpan<byte> Word(ReadOnlySpan<byte> data, int index)
    {
        var start = index * WordSize;
        if (index < 0 || start + WordSize > data.Length)
            throw new AbiDecodingException($"data has {data.Length} bytes, word {index} needs {start + WordSize}");
        return data.Slice(start, WordSize);
    }
}
