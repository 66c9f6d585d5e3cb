using Forecaster.Markets;
using Forecaster.Simulation;
using Xunit;

namespace Forecaster.Pipeline.Tests;

public class MarketSimulatorTests
{
    [Fact]
    public void Run_GivesIdenticalMarkets_WhenTheSeedIsTheSame()
    {
        var options = new SimulationOptions { Markets = 3, Days = 60, Seed = 7 };
        var a = MarketSimulator.Run(options);
        var b = MarketSimulator.Run(options);
        Assert.Equal(a.Select(m => m.Market), b.Select(m => m.Market));
        for (var i = 0; i < a.Count; i++) Assert.Equal(a[i].Hours, b[i].Hours);
    }

    [Fact]
    public void Run_GivesDifferentMarkets_WhenTheSeedDiffers()
    {
        var a = MarketSimulator.Run(new SimulationOptions { Markets = 1, Days = 10, Seed = 1 });
        var b = MarketSimulator.Run(new SimulationOptions { Markets = 1, Days = 10, Seed = 2 });
        Assert.NotEqual(a[0].Hours.Select(h => h.SuppliedUsd), b[0].Hours.Select(h => h.SuppliedUsd));
    }

    [Fact]
    public void Run_MarksEverythingSimulated_AndNeverLendsMoreThanDeposits()
    {
        var markets = MarketSimulator.Run(new SimulationOptions { Markets = 12, Days = 120 });
        Assert.Equal(12, markets.Select(m => m.Market.Name).Distinct().Count());
        foreach (var m in markets)
        {
            Assert.True(m.Market.IsSimulated);
            Assert.Equal(120 * 24, m.Hours.Count);
            Assert.All(m.Hours, h => Assert.True(h.Has(DataQuality.Simulated)));
            Assert.All(m.Hours, h => Assert.InRange(h.RawUtilization, 0, 1));
            Assert.All(m.Hours.Zip(m.Hours.Skip(1)), p => Assert.Equal(HourlyGrid.Step, p.Second.Hour - p.First.Hour));
        }
    }

    [Fact]
    public void Run_ProducesShocksAndShortfalls_OverAYearOfTheDefaultMarkets()
    {
        var markets = MarketSimulator.Run(new SimulationOptions());
        Assert.Contains(markets, m => m.Shocks.Any(s => s.Kind == "bank run"));
        // The simulator exists to exercise early warning: some market must actually run dry.
        Assert.Contains(markets, m => m.Hours.Any(h => h.Utilization >= 0.98));
        // ...and recover: the kinked rate curve pulls liquidity back.
        Assert.All(markets, m => Assert.True(m.Hours.Count(h => h.Utilization >= 0.98) < m.Hours.Count / 10));
    }

    [Theory]
    [InlineData(0, 10, "--markets must be in [1, 1000]")]
    [InlineData(1001, 10, "--markets must be in [1, 1000]")]
    [InlineData(1, 0, "--days must be in [1, 3650]")]
    [InlineData(1, 3651, "--days must be in [1, 3650]")]
    public void Run_Throws_WhenAnOptionIsOutOfRange(int markets, int days, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MarketSimulator.Run(new SimulationOptions { Markets = markets, Days = days }));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Run_Throws_WhenStartIsNotOnAWholeHour()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MarketSimulator.Run(new SimulationOptions { Start = new DateTimeOffset(2025, 1, 1, 0, 30, 0, TimeSpan.Zero) }));
        Assert.Equal("Start", error.ParamName);
    }
}
