using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;
using Xunit;

namespace Forecaster.Risk.Tests;

public class ReserveTargetPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2023, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private static LiquidityRiskReport Report(double es99Usd) => new(Market.FromName("a_usdc"), T0,
        new MarketHour(T0, 1_000e6, 900e6, 0, 1, 2, DataQuality.None, 0, 0), [], es99Usd, 100e6 / es99Usd);

    private static readonly StressScenario Run = new("largest 1 h deposit outflow", "b_usdt", T0, TimeSpan.FromHours(1), 0.4, 0);

    [Theory]
    [InlineData(RiskAppetite.Conservative, 400e6 * 1.25)]
    [InlineData(RiskAppetite.Moderate, 100e6 * 1.10)]
    [InlineData(RiskAppetite.Aggressive, 80e6 * 1.05)]
    public void Compute_CoversTheLargerOfEs99AndTheWeightedWorstScenario_PlusMargin(RiskAppetite appetite, double expected)
    {
        var target = ReserveTargetPolicy.For(appetite).Compute(Report(80e6), [Run], appetite);
        Assert.Equal(expected, target.TargetBufferUsd, 1);
        Assert.Equal(400e6, target.WorstScenarioOutflowUsd, 1);
        Assert.Equal(Math.Max(expected - 100e6, 0), target.GapUsd, 1);
    }

    [Fact]
    public void Compute_NeverAsksForMoreThanTheDeposits()
    {
        var target = ReserveTargetPolicy.For(RiskAppetite.Conservative).Compute(Report(2_000e6), [Run], RiskAppetite.Conservative);
        Assert.Equal(1_000e6, target.TargetBufferUsd, 1);
    }

    [Fact]
    public void Compute_RanksProfiles_ConservativeHoldsTheMost()
    {
        var targets = Enum.GetValues<RiskAppetite>().Select(a => ReserveTargetPolicy.For(a).Compute(Report(50e6), [Run], a).TargetBufferUsd).ToList();
        Assert.True(targets[0] > targets[1] && targets[1] > targets[2]);
    }
}
