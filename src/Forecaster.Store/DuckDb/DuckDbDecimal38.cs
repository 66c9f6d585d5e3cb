namespace Forecaster.Store.DuckDb;

/// <summary>
/// The unscaled HUGEINT behind a DECIMAL(38, 18) value, computed exactly from a <see cref="decimal"/>'s 96-bit mantissa and
/// scale, so the bulk path can write amounts as plain 16-byte values. A value with a non-zero digit past the 18th decimal, or
/// with 21 or more integer digits, does not fit the column and is refused rather than rounded.
/// </summary>
internal static class DuckDbDecimal38
{
    public const int Scale = 18;

    // 10^0 .. 10^38; a decimal's scale is at most 28.
    private static readonly UInt128[] Powers = Enumerable.Range(0, 39).Select(Power).ToArray();
    // The largest mantissa that, multiplied by 10^i, stays within 38 digits.
    private static readonly UInt128[] Largest = Powers.Select(p => (Powers[38] - 1) / p).ToArray();

    public static bool TryUnscale(decimal value, out Int128 unscaled)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        unscaled = 0;
        if (scale > Scale)
        {
            var divisor = Powers[scale - Scale];
            if (mantissa % divisor != 0) return false;
            mantissa /= divisor;
        }
        else
        {
            if (mantissa > Largest[Scale - scale]) return false;
            mantissa *= Powers[Scale - scale];
        }
        unscaled = bits[3] < 0 ? -(Int128)mantissa : (Int128)mantissa;
        return true;
    }

    private static UInt128 Power(int exponent)
    {
        UInt128 result = 1;
        for (var i = 0; i < exponent; i++) result *= 10;
        return result;
    }
}
