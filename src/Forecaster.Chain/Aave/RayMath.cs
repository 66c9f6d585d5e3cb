using System.Numerics;

namespace Forecaster.Chain.Aave;

/// <summary>
/// Aave v3's fixed-point interest arithmetic in rays (1e27 = 1.0), rounded exactly as the protocol rounds, so balances rebuilt
/// from events agree with the pool's to the wei: products and quotients round half up; interest factors truncate each term.
/// </summary>
public static class RayMath
{
    /// <summary>1.0 in ray units.</summary>
    public static readonly BigInteger Ray = BigInteger.Pow(10, 27);

    private static readonly BigInteger HalfRay = Ray / 2;

    /// <summary>Aave's year for rates: 365 days, leap years ignored.</summary>
    public const long SecondsPerYear = 365L * 24 * 60 * 60;

    /// <summary>a × b in rays, rounded half up.</summary>
    public static BigInteger Mul(BigInteger a, BigInteger b) => (a * b + HalfRay) / Ray;

    /// <summary>a ÷ b in rays, rounded half up (how an amount becomes a scaled balance).</summary>
    public static BigInteger Div(BigInteger a, BigInteger b) => (a * Ray + b / 2) / b;

    /// <summary>Growth factor of a yearly rate (ray) applied linearly over <paramref name="seconds"/>: deposits' interest.</summary>
    public static BigInteger LinearInterest(BigInteger rate, long seconds) => Ray + rate * seconds / SecondsPerYear;

    /// <summary>
    /// Growth factor of a yearly rate (ray) compounded every second over <paramref name="seconds"/>, by the first four terms of
    /// the binomial expansion of (1 + rate/year)^n, each truncated as the protocol does: debts' interest.
    /// </summary>
    public static BigInteger CompoundedInterest(BigInteger rate, long seconds)
    {
        if (seconds <= 0) return Ray;
        BigInteger n = seconds;
        var nMinusTwo = n > 2 ? n - 2 : BigInteger.Zero;
        var square = Mul(rate, rate) / ((BigInteger)SecondsPerYear * SecondsPerYear);
        var cube = Mul(square, rate) / SecondsPerYear;
        return Ray + rate * n / SecondsPerYear + n * (n - 1) * square / 2 + n * (n - 1) * nMinusTwo * cube / 6;
    }
}
