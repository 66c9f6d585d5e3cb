using Forecaster.Markets;
using Forecaster.Recommend;
using Forecaster.Risk.Liquidity;
using Forecaster.Risk.Stress;
using Xunit;

namespace Forecaster.Risk.Tests;

public class ReserveTargetPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2023, 3, 10, 0, 0, 0, TimeSpan.Zero);

    // Utilization 90%, at the kink used below: the profiles' own weights apply.
    private const double Kink = 0.9;

    private static LiquidityRiskReport Report(double es99Usd, double borrowedUsd = 900e6) => new(Market.FromName("a_usdc"), T0,
        new MarketHour(T0, 1_000e6, borrowedUsd, 0, 1, 2, DataQuality.None, 0, 0), [], es99Usd, (1_000e6 - borrowedUsd) / es99Usd);

    private static readonly StressScenario Run = new("largest 1 h deposit outflow", "b_usdt", T0, TimeSpan.FromHours(1), 0.4, 0);

    [Theory]
    [InlineData(RiskAppetite.Conservative, 400e6 * 1.25)]
    [InlineData(RiskAppetite.Moderate, 100e6 * 1.10)]
    [InlineData(RiskAppetite.Aggressive, 80e6 * 1.05)]
    public void Compute_CoversTheLargerOfEs99AndTheWeightedWorstScenario_PlusMargin(RiskAppetite appetite, double expected)
    {
        var target = ReserveTargetPolicy.For(appetite).Compute(Report(80e6), [Run], appetite, Kink);
        Assert.Equal(expected, target.TargetBufferUsd, 1);
        Assert.Equal(400e6, target.WorstScenarioOutflowUsd, 1);
        Assert.Equal(Math.Max(expected - 100e6, 0), target.GapUsd, 1);
    }

    // A 72 h run of 60% is shown beside the 1 h run of 40% but not weighed: the moderate target is 0.25 x $400M x 1.1.
    [Fact]
    public void Compute_WeighsOnlyScenariosOfADayOrLess_UnlessThePolicySaysOtherwise()
    {
        var slow = new StressScenario("largest 72 h deposit outflow", "b_usdt", T0, TimeSpan.FromHours(72), 0.6, 0);
        var policy = ReserveTargetPolicy.For(RiskAppetite.Moderate);
        var day = policy.Compute(Report(80e6), [Run, slow], RiskAppetite.Moderate, Kink);
        Assert.Equal(TimeSpan.FromHours(24), day.ScenarioHorizon);
        Assert.Equal(400e6, day.WorstScenarioOutflowUsd, 1);
        Assert.Equal(0.25 * 400e6 * 1.1, day.TargetBufferUsd, 1);
        var every = (policy with { ScenarioHorizon = TimeSpan.MaxValue }).Compute(Report(80e6), [Run, slow], RiskAppetite.Moderate, Kink);
        Assert.Equal(0.25 * 600e6 * 1.1, every.TargetBufferUsd, 1);
    }

    // A peer at 95% on its 90% kink (stress 0.5) raises the moderate share to 0.25 + 0.75 x 0.5 where the market's own
    // stress is 0; a peer's stress read for another hour than the report's is refused, naming the market.
    [Fact]
    public void Compute_RampsOnThePeersStress_AndRefusesOneReadForAnotherHour()
    {
        var peer = new PeerStressReading(T0, 0.5, "b_dai", T0, 0.95, 0.9);
        var target = ReserveTargetPolicy.For(RiskAppetite.Moderate).Compute(Report(80e6), [Run], RiskAppetite.Moderate, Kink, peerStress: peer);
        Assert.Equal(0.625, target.ScenarioWeight, 12);
        Assert.Equal(0.625 * 400e6 * 1.1, target.TargetBufferUsd, 1);
        Assert.True(target.PeerStressBinds);
        Assert.Equal(peer, target.PeerStress);
        var stale = Assert.Throws<ArgumentException>(() => ReserveTargetPolicy.For(RiskAppetite.Moderate).Compute(Report(80e6), [Run], RiskAppetite.Moderate, Kink,
            peerStress: peer with { At = T0.AddHours(-1) }));
        Assert.Contains("a_usdc", stale.Message);
        // The conservative profile covers the whole worst episode already: the peer cannot raise it, so it does not bind.
        Assert.False(ReserveTargetPolicy.For(RiskAppetite.Conservative).Compute(Report(80e6), [Run], RiskAppetite.Conservative, Kink, peerStress: peer).PeerStressBinds);
    }

    [Fact]
    public void Compute_NeverAsksForMoreThanTheDeposits()
    {
        var target = ReserveTargetPolicy.For(RiskAppetite.Conservative).Compute(Report(2_000e6), [Run], RiskAppetite.Conservative, Kink);
        Assert.Equal(1_000e6, target.TargetBufferUsd, 1);
    }

    [Fact]
    public void Compute_RanksProfiles_ConservativeHoldsTheMost()
    {
        var targets = Enum.GetValues<RiskAppetite>().Select(a => ReserveTargetPolicy.For(a).Compute(Report(50e6), [Run], a, Kink).TargetBufferUsd).ToList();
        Assert.True(targets[0] > targets[1] && targets[1] > targets[2]);
    }

    // Above the kink the share of the worst episode rises linearly from the profile's to all of it at 100% utilization;
    // at or below the kink it is the profile's own.
    [Theory]
    [InlineData(700e6, 0.25)]
    [InlineData(900e6, 0.25)]
    [InlineData(950e6, 0.625)]
    [InlineData(1_000e6, 1.0)]
    public void Compute_CoversMoreOfTheWorstEpisode_AsUtilizationGoesPastTheKink(double borrowedUsd, double weight)
    {
        var target = ReserveTargetPolicy.For(RiskAppetite.Moderate).Compute(Report(10e6, borrowedUsd), [Run], RiskAppetite.Moderate, Kink);

        Assert.Equal(weight, target.ScenarioWeight, 9);
        Assert.Equal(0.25, target.ProfileScenarioWeight);
        Assert.Equal(weight * 400e6 * 1.10, target.TargetBufferUsd, 1);
    }

    [Fact]
    public void Compute_ReadsStressAgainstTheMarketsOwnKink()
    {
        // The same 85% utilization is calm under a 90% kink and halfway up the steep segment under a 70% one.
        var below = ReserveTargetPolicy.For(RiskAppetite.Aggressive).Compute(Report(10e6, 850e6), [Run], RiskAppetite.Aggressive, 0.9);
        var above = ReserveTargetPolicy.For(RiskAppetite.Aggressive).Compute(Report(10e6, 850e6), [Run], RiskAppetite.Aggressive, 0.7);
        Assert.Equal(0.1, below.ScenarioWeight, 9);
        Assert.Equal(0.1 + 0.9 * 0.5, above.ScenarioWeight, 9);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReserveTargetPolicy.UtilizationStress(0.5, 1.0));
    }

    // The early-warning weighting (replay basis "early-warning"): p / the profile's breaker level, at least the kink ramp
    // from 0; without a probability the profile's rule stands.
    [Theory]
    [InlineData(700e6, 0.0, 0.0)]
    [InlineData(700e6, 0.07, 0.2)]
    [InlineData(700e6, 0.35, 1.0)]
    [InlineData(700e6, 0.9, 1.0)]
    [InlineData(950e6, 0.07, 0.5)]
    [InlineData(700e6, double.NaN, 0.25)]
    public void Compute_WithAShortfallProbability_WeighsTheWorstEpisodeByIt(double borrowedUsd, double probability, double weight)
    {
        var target = ReserveTargetPolicy.For(RiskAppetite.Moderate).Compute(Report(10e6, borrowedUsd), [Run], RiskAppetite.Moderate, Kink, probability);

        Assert.Equal(weight, target.ScenarioWeight, 9);
        Assert.Equal(Math.Max(10e6, weight * 400e6) * 1.10, target.TargetBufferUsd, 1);
    }
}
