using Forecaster.Markets;
using Forecaster.Risk;
using Forecaster.Simulation;
using Xunit;

namespace Forecaster.Pipeline.Tests;

public class BaselineRiskModelTests
{
    private static readonly TimeSpan[] Horizons = [TimeSpan.FromHours(24), TimeSpan.FromHours(72)];

    private static SimulatedMarket Simulated() => MarketSimulator.Run(new SimulationOptions { Markets = 1, Days = 200, Seed = 3 })[0];

    [Fact]
    public void Assess_IgnoresEverythingAfterAsOf()
    {
        var sim = Simulated();
        var asOf = sim.Hours[3000].Hour;
        var future = sim.Hours.Select((h, i) => i > 3000 ? h with { BorrowedUsd = h.SuppliedUsd } : h).ToList();

        var honest = new BaselineRiskModel().Assess(sim.Market, sim.Hours, asOf, Horizons);
        var tampered = new BaselineRiskModel().Assess(sim.Market, future, asOf, Horizons);

        Assert.Equal(asOf, honest.AsOf);
        Assert.Equal(honest.ShortfallProbability24h, tampered.ShortfallProbability24h);
        Assert.Equal(honest.Forecasts, tampered.Forecasts);
    }

    [Fact]
    public void Assess_GivesCertainShortfallAndRed_WhenTheMarketIsInShortfallNow()
    {
        var sim = Simulated();
        var hours = sim.Hours.ToList();
        hours[^1] = hours[^1] with { BorrowedUsd = hours[^1].SuppliedUsd * 0.99 };
        var a = new BaselineRiskModel().Assess(sim.Market, hours, hours[^1].Hour, Horizons);
        Assert.Equal(1.0, a.ShortfallProbability24h);
        Assert.Equal(MarketStatus.Red, a.Status);
    }

    [Fact]
    public void Assess_GivesOrderedIntervalsThatWidenWithHorizon()
    {
        var sim = Simulated();
        var a = new BaselineRiskModel().Assess(sim.Market, sim.Hours, sim.Hours[^1].Hour, Horizons);
        foreach (var f in a.Forecasts) Assert.True(f.LowerUsd <= f.MedianUsd && f.MedianUsd <= f.UpperUsd);
        Assert.True(a.Forecasts[1].UpperUsd - a.Forecasts[1].LowerUsd > a.Forecasts[0].UpperUsd - a.Forecasts[0].LowerUsd);
    }

    [Fact]
    public void Assess_Throws_WhenHistoryIsTooShort()
    {
        var sim = Simulated();
        var error = Assert.Throws<InsufficientHistoryException>(() => new BaselineRiskModel().Assess(sim.Market, sim.Hours.Take(30).ToList(), sim.Hours[29].Hour, Horizons));
        Assert.Equal(sim.Market.Name, error.Market);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 5.0)]
    [InlineData(0.5, 3.0)]
    [InlineData(0.1, 1.4)]
    public void Quantile_InterpolatesBetweenOrderStatistics(double q, double expected) =>
        Assert.Equal(expected, Quantile.OfSorted([1, 2, 3, 4, 5], q), 10);

    [Fact]
    public void StatusPolicy_ClassifiesAtItsInclusiveThresholds()
    {
        var p = StatusPolicy.Default;
        Assert.Equal(MarketStatus.Green, p.Classify(0.049, 0.5));
        Assert.Equal(MarketStatus.Amber, p.Classify(0.05, 0.5));
        Assert.Equal(MarketStatus.Red, p.Classify(0.25, 0.5));
        Assert.Equal(MarketStatus.Amber, p.Classify(0, 0.90));
        Assert.Equal(MarketStatus.Red, p.Classify(0, 0.95));
    }
}
