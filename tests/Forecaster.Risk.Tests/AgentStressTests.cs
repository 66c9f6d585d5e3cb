using Forecaster.Markets;
using Forecaster.Risk.Liquidity;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Xunit;

namespace Forecaster.Risk.Tests;

public class AgentStressTests
{
    private static readonly Market Usdc = Market.FromName("test_usdc");
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static double Es99(double utilization, AgentBehaviour? behaviour = null, int seed = 11)
    {
        var today = new MarketHour(Now, 1e9, 1e9 * utilization, 0, 1, 2, DataQuality.None, 0, 0);
        var outflows = AgentStress.NetOutflows(Usdc, today, InterestRateModel.Stablecoin, [24], 4_000, seed, behaviour)[0];
        return TailRisk.Of(outflows, 0.99).ExpectedShortfall;
    }

    [Fact]
    public void Es99_GrowsAsTodaysUtilizationNears100Percent()
    {
        // Near 100% depositors fear being locked in: panic, and whales follow each other out. (Below the kink a low
        // supply rate drives some money out too, so the curve is not monotone all the way from 0.)
        var calm = Es99(0.60);
        var atKink = Es99(0.95);
        var tighter = Es99(0.97);
        var tight = Es99(0.99);
        Assert.True(atKink < tighter && tighter < tight, $"ES99 at 95% {atKink:P2}, 97% {tighter:P2}, 99% {tight:P2}");
        Assert.True(tight > calm * 1.2, $"ES99 at 99% utilization {tight:P2} vs at 60% {calm:P2}");
    }

    [Fact]
    public void Es99_GrowsWithPanicSensitivity()
    {
        var normal = Es99(0.9);
        var jumpy = Es99(0.9, new AgentBehaviour { PanicSensitivity = 3 });
        var fearless = Es99(0.9, new AgentBehaviour { PanicSensitivity = 0 });
        Assert.True(jumpy > normal && normal > fearless, $"ES99 fearless {fearless:P2}, normal {normal:P2}, jumpy {jumpy:P2}");
    }

    [Fact]
    public void NetOutflows_IsDeterministicPerSeed_AndRecordsEveryHorizon()
    {
        var today = new MarketHour(Now, 5e8, 4e8, 0, 1, 2, DataQuality.None, 0, 0);
        var a = AgentStress.NetOutflows(Usdc, today, InterestRateModel.Stablecoin, [1, 24], 300, 3);
        var b = AgentStress.NetOutflows(Usdc, today, InterestRateModel.Stablecoin, [1, 24], 300, 3);
        var c = AgentStress.NetOutflows(Usdc, today, InterestRateModel.Stablecoin, [1, 24], 300, 4);
        Assert.Equal(a[0], b[0]);
        Assert.Equal(a[1], b[1]);
        Assert.NotEqual(a[1], c[1]);
        // A day spreads wider than an hour, and no path demands more than every deposit.
        Assert.True(a[1].Max() - a[1].Min() > a[0].Max() - a[0].Min());
        Assert.All(a[1], o => Assert.InRange(o, -1, 1));
    }

    [Fact]
    public void NetOutflows_Throws_WhenDepositsAreNotPositive()
    {
        var empty = new MarketHour(Now, 0, 0, 0, 1, 2, DataQuality.None, 0, 0);
        var error = Assert.Throws<ArgumentException>(() => AgentStress.NetOutflows(Usdc, empty, InterestRateModel.Stablecoin, [24], 100, 1));
        Assert.Contains("test_usdc", error.Message);
    }
}
