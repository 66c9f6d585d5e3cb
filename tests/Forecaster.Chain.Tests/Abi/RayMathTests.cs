using System.Numerics;
using Forecaster.Chain.Aave;
using Forecaster.Chain.Ingestion;
using Xunit;

namespace Forecaster.Chain.Tests.Abi;

public sealed class RayMathTests
{
    private static readonly BigInteger Ray = RayMath.Ray;

    [Fact]
    public void MulAndDiv_RoundHalfUp()
    {
        Assert.Equal(new BigInteger(2), RayMath.Mul(3, Ray / 2));      // 1.5 -> 2
        Assert.Equal(new BigInteger(1), RayMath.Mul(3, Ray / 2 - 1));  // just under 1.5 -> 1
        Assert.Equal(new BigInteger(2), RayMath.Div(3, 2 * Ray));      // 1.5 -> 2
        Assert.Equal(new BigInteger(333_333_333), RayMath.Div(1_000_000_000, 3 * Ray));
    }

    [Fact]
    public void LinearInterest_IsRatePerYearTimesTime()
    {
        Assert.Equal(2 * Ray, RayMath.LinearInterest(Ray, RayMath.SecondsPerYear));          // 100 % for a year
        Assert.Equal(Ray + Ray / 20 / 2, RayMath.LinearInterest(Ray / 20, RayMath.SecondsPerYear / 2)); // 5 % for half a year
    }

    [Fact]
    public void CompoundedInterest_FollowsTheFourTermExpansion()
    {
        Assert.Equal(Ray, RayMath.CompoundedInterest(Ray, 0));
        Assert.Equal(Ray + Ray / RayMath.SecondsPerYear, RayMath.CompoundedInterest(Ray, 1)); // one second: the linear term only
        // 100 % for a year: 1 + 1 + 1/2 + 1/6 (the expansion stops at the cube), a little under 8/3.
        var year = (double)(RayMath.CompoundedInterest(Ray, RayMath.SecondsPerYear) * 1_000_000 / Ray) / 1_000_000;
        Assert.InRange(year, 2.66665, 2.666667);
        // 10 % for 30 days: within 1e-8 of continuous compounding and under it, as the protocol's approximation undercharges
        // (the cube term's per-second factor is truncated to an integer number of rays, ~3e-9 here).
        var month = (double)(RayMath.CompoundedInterest(Ray / 10, 30 * 86_400) * 1_000_000_000_000 / Ray) / 1e12;
        Assert.InRange(Math.Exp(0.1 * 30 / 365) - month, 0, 1e-8);
    }

    [Fact]
    public void Indexes_GrowFromTheirUpdate_AndStandStillBeforeIt()
    {
        var indexes = new ReserveIndexes(Ray, Ray, Ray / 10, Ray / 10, 1_000);
        Assert.Equal(Ray, indexes.LiquidityIndexAt(1_000));
        Assert.Equal(Ray, indexes.LiquidityIndexAt(500));
        Assert.Equal(Ray + Ray / 10, indexes.LiquidityIndexAt(1_000 + RayMath.SecondsPerYear));
        Assert.True(indexes.VariableBorrowIndexAt(1_000 + RayMath.SecondsPerYear) > Ray + Ray / 10); // compounding beats linear
    }
}
