using System.Buffers;
using System.Buffers.Binary;

namespace Forecaster.Store.DuckDb;

/// <summary>
/// Hashes and addresses as fixed-size integer columns: a 32-byte hash is two UHUGEINTs (high and low 16 bytes, big-endian),
/// a 20-byte address a UHUGEINT and a UINTEGER. Fixed-size values are plain memory writes for DuckDB, where a BLOB or text of
/// more than 12 bytes costs a heap string per value. Only the form nodes answer in (0x and lower-case hex of the exact length)
/// is accepted, since that is the form they read back in; anything else is refused by the caller, naming the log.
/// </summary>
internal static class DuckDbChainHex
{
    public const int HashBytes = 32;
    public const int AddressBytes = 20;

    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    // On false the out values are meaningless; callers refuse the log.
    public static bool TryParseHash(string text, out UInt128 high, out UInt128 low)
    {
        Span<byte> bytes = stackalloc byte[HashBytes];
        var parsed = TryParse(text, bytes);
        (high, low) = (BinaryPrimitives.ReadUInt128BigEndian(bytes), BinaryPrimitives.ReadUInt128BigEndian(bytes[16..]));
        return parsed;
    }

    public static bool TryParseAddress(string text, out UInt128 high, out uint low)
    {
        Span<byte> bytes = stackalloc byte[AddressBytes];
        var parsed = TryParse(text, bytes);
        (high, low) = (BinaryPrimitives.ReadUInt128BigEndian(bytes), BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));
        return parsed;
    }

    public static string FormatHash(UInt128 high, UInt128 low)
    {
        Span<byte> bytes = stackalloc byte[HashBytes];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt128BigEndian(bytes[16..], low);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    public static string FormatAddress(UInt128 high, uint low)
    {
        Span<byte> bytes = stackalloc byte[AddressBytes];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[16..], low);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    private static bool TryParse(string? text, Span<byte> bytes)
    {
        if (text is null || text.Length != 2 + 2 * bytes.Length || !text.StartsWith("0x", StringComparison.Ordinal)) return false;
        var digits = text.AsSpan(2);
        return !digits.ContainsAnyExcept(LowerHex) && Convert.FromHexString(digits, bytes, out _, out _) == OperationStatus.Done;
    }
}
