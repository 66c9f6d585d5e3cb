using Forecaster.Risk.Stress;
using Xunit;

namespace Forecaster.Risk.Tests;

public class LiquidationCascadeTests
{
    private static LiquidationCascadeOptions Options(double depth) => new(DebtUsd: 1_000e6, MedianHealthFactor: 1.6, HealthFactorDispersion: 0.25,
        CloseFactor: 0.5, LiquidationBonus: 0.05, DepthUsdPerPercent: depth);

    [Fact]
    public void Run_LiquidatesNothingMuch_WhenTheDropIsSmallAndPositionsAreHealthy()
    {
        var result = new LiquidationCascade(Options(50e6)).Run(0.02);
        Assert.True(result.LiquidatedDebtUsd < 0.01 * 1_000e6);
        Assert.InRange(result.FinalDrop, 0.02, 0.025); // a little amplification, not a cascade
    }

    [Fact]
    public void Run_DeepensTheDrop_MoreWhenTheMarketIsShallow()
    {
        var deep = new LiquidationCascade(Options(500e6)).Run(0.3);
        var shallow = new LiquidationCascade(Options(20e6)).Run(0.3);
        Assert.True(deep.FinalDrop > 0.3);
        Assert.True(shallow.FinalDrop > deep.FinalDrop + 0.05, $"shallow {shallow.FinalDrop} vs deep {deep.FinalDrop}");
        Assert.True(shallow.SeizedCollateralUsd > deep.SeizedCollateralUsd);
        Assert.Equal(shallow.LiquidatedDebtUsd * 1.05, shallow.SeizedCollateralUsd, 1);
        Assert.True(shallow.Rounds > 1);
    }

    [Fact]
    public void Run_NeverLiquidatesMoreThanTheCloseFactorAllows()
    {
        var result = new LiquidationCascade(Options(1e6)).Run(0.9);
        Assert.True(result.LiquidatedDebtUsd <= 0.5 * 1_000e6 + 1);
        Assert.InRange(result.FinalDrop, 0.9, 0.99);
    }

    [Fact]
    public void ReserveSensitivity_LosesLiquidityAsThePriceFalls()
    {
        var (after, delta, gamma) = new LiquidationCascade(Options(50e6)).ReserveSensitivity(400e6, 0.25);
        var seized = new LiquidationCascade(Options(50e6)).Run(0.25).SeizedCollateralUsd;
        Assert.Equal(400e6 - seized, after, 1);
        Assert.True(delta > 0, "a higher price leaves more liquidity in the reserve");
        Assert.True(double.IsFinite(gamma));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void Run_Throws_WhenTheDropIsOutOfRange(double drop)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LiquidationCascade(Options(50e6)).Run(drop));
        Assert.Equal("initialDrop", error.ParamName);
    }

    [Fact]
    public void Constructor_Throws_WhenHealthFactorsAreAlreadyLiquidatable()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LiquidationCascade(Options(50e6) with { MedianHealthFactor = 0.9 }));
        Assert.Equal("MedianHealthFactor", error.ParamName);
    }
}
