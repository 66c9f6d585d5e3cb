using System.Numerics;

namespace Forecaster.Chain.Aave;

/// <summary>Converts raw token amounts (integers in the token's smallest unit) to whole tokens.</summary>
public static class TokenUnits
{
    private static readonly BigInteger DecimalMantissaLimit = (BigInteger.One << 96) - 1;

    /// <summary>The raw amount divided by 10^<paramref name="decimals"/>, exactly when it fits a decimal's 96-bit mantissa.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative amount, or decimals outside [0, 77].</exception>
    /// <exception cref="OverflowException">The whole-token amount exceeds decimal's range (about 7.9e28 tokens).</exception>
    public static decimal ToTokens(BigInteger raw, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(raw);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 77);
        if (decimals <= 28 && raw <= DecimalMantissaLimit)
        {
            // Exact: a decimal is mantissa / 10^scale, which is precisely raw / 10^decimals.
            Span<byte> bytes = stackalloc byte[12];
            bytes.Clear();
            raw.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
            var lo = BitConverter.ToInt32(bytes[..4]);
            var mid = BitConverter.ToInt32(bytes[4..8]);
            var hi = BitConverter.ToInt32(bytes[8..12]);
            return new decimal(lo, mid, hi, false, (byte)decimals);
        }
        // Rare (huge amounts or > 28 decimals): split into whole tokens and a fraction, losing digits past decimal's precision.
        var scale = BigInteger.Pow(10, decimals);
        var whole = BigInteger.DivRem(raw, scale, out var remainder);
        if (whole > DecimalMantissaLimit) throw new OverflowException($"{raw} raw units at {decimals} decimals do not fit a decimal.");
        return (decimal)whole + (decimal)((double)remainder / (double)scale);
    }

    /// <summary>Whole tokens back to raw units: exact for any amount <see cref="ToTokens"/> produced; finer digits are truncated.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative amount, or decimals outside [0, 77].</exception>
    public static BigInteger ToRaw(decimal tokens, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokens);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 77);
        // A decimal is mantissa / 10^scale, so raw = mantissa * 10^(decimals - scale) without going through floating point.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(tokens, bits);
        var mantissa = new BigInteger((uint)bits[0]) | new BigInteger((uint)bits[1]) << 32 | new BigInteger((uint)bits[2]) << 64;
        var scale = (bits[3] >> 16) & 0xFF;
        return decimals >= scale ? mantissa * BigInteger.Pow(10, decimals - scale) : mantissa / BigInteger.Pow(10, scale - decimals);
    }
}
