using System.Globalization;
using System.Numerics;

namespace Forecaster.Chain.Abi;

/// <summary>0x-prefixed hex as JSON-RPC uses it: quantities (no leading zeros) and data (two digits a byte).</summary>
public static class Hex
{
    /// <summary>Bytes as 0x-prefixed lower-case hex.</summary>
    public static string Format(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    /// <summary>A quantity as JSON-RPC wants it: 0x-prefixed, no leading zeros.</summary>
    public static string FormatQuantity(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return "0x" + value.ToString("x", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses 0x-prefixed (or bare) hex data into bytes.</summary>
    /// <exception cref="FormatException">Odd length or a non-hex character.</exception>
    public static byte[] Parse(string hex)
    {
        var span = Strip(hex);
        if (span.Length % 2 != 0)
            throw new FormatException($"Hex data '{Shorten(hex)}' has an odd number of digits.");
        return Convert.FromHexString(span);
    }

    /// <summary>Parses a 0x-prefixed quantity that fits a non-negative long.</summary>
    /// <exception cref="FormatException">Not hex, or too large for a long.</exception>
    public static long ParseQuantity(string hex)
    {
        var span = Strip(hex);
        if (span.Length == 0 || span.Length > 16 ||
            !long.TryParse(span, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) || value < 0)
            throw new FormatException($"'{Shorten(hex)}' is not a hex quantity that fits 63 bits.");
        return value;
    }

    /// <summary>Parses a 0x-prefixed quantity of any size as an unsigned integer.</summary>
    public static BigInteger ParseBigQuantity(string hex)
    {
        var span = Strip(hex);
        if (span.Length == 0) throw new FormatException("Empty hex quantity.");
        return BigInteger.Parse("0" + span.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    private static ReadOnlySpan<char> Strip(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex.AsSpan(2) : hex.AsSpan();
    }

    private static string Shorten(string s) => s.Length <= 24 ? s : s[..24] + "...";
}
