using Forecaster.Recommend;
using Xunit;

namespace Forecaster.Risk.Tests;

public class ParameterBoundTests
{
    private static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ParameterBound Cap = new("borrowCap", 0.25, TimeSpan.FromDays(3));

    [Theory]
    [InlineData(100, 50, 75)]
    [InlineData(100, 200, 125)]
    [InlineData(100, 90, 90)]
    public void Apply_NeverMovesMoreThanTheStepPerUpdate(double current, double recommended, double expected)
    {
        var (value, limited) = Cap.Apply(current, recommended, null, Now);
        Assert.Equal(expected, value, 10);
        Assert.Equal(expected != recommended, limited is not null);
    }

    [Fact]
    public void Apply_KeepsTheCurrentValue_WithinTheMinimumDelay()
    {
        var (value, limited) = Cap.Apply(100, 50, Now.AddDays(-2), Now);
        Assert.Equal(100, value);
        Assert.Contains("not again before 2024-05-02 12:00 UTC", limited);
        Assert.Equal(75, Cap.Apply(100, 50, Now.AddDays(-3), Now).Value);
    }

    [Fact]
    public void Apply_HoldsForAnySequenceOfRecommendations()
    {
        var random = new Random(9);
        double value = 100;
        DateTimeOffset? last = null;
        var t = Now;
        for (var i = 0; i < 1000; i++)
        {
            t = t.AddHours(random.Next(1, 120));
            var (next, _) = Cap.Apply(value, random.NextDouble() * 400, last, t);
            if (next != value)
            {
                Assert.True(Math.Abs(next - value) <= 0.25 * value + 1e-9, "step bound");
                Assert.True(last is null || t - last >= Cap.MinimumDelay, "delay bound");
                last = t;
                value = next;
            }
        }
    }

    [Theory]
    [InlineData(100, 125, 1)]   // exactly one step
    [InlineData(100, 126, 2)]
    [InlineData(60, 2919.2, 18)] // 60 x 1.25^17 = 2,673, x 1.25^18 = 3,341
    [InlineData(100, 75, 1)]
    [InlineData(100, 50, 3)]    // 75, 56.25, 42.19
    [InlineData(100, 100, 0)]
    public void UpdatesToReach_CountsCompoundingSteps(double current, double requested, int expected) =>
        Assert.Equal(expected, Cap.UpdatesToReach(current, requested));

    [Theory]
    [InlineData(double.NaN, 10)]
    [InlineData(0, 10)]
    [InlineData(100, -5)]
    public void UpdatesToReach_IsNull_WithoutARelativePath(double current, double requested) =>
        Assert.Null(Cap.UpdatesToReach(current, requested));

    // The count is what applying the bound update after update actually takes, for random starts and requests both ways.
    [Fact]
    public void UpdatesToReach_EqualsTheUpdatesApplyTakes()
    {
        var random = new Random(4);
        for (var i = 0; i < 500; i++)
        {
            var (value, requested) = (1 + random.NextDouble() * 99, 1 + random.NextDouble() * 999);
            var expected = Cap.UpdatesToReach(value, requested);
            var updates = 0;
            while (Math.Abs(value - requested) > 1e-9 * requested)
            {
                value = Cap.Apply(value, requested, null, Now).Value;
                updates++;
            }
            Assert.Equal(updates, expected);
        }
    }
}

public class TreasuryAllocatorTests
{
    private static MarketExposure Market(string name, double available, double center, double spread, int seed)
    {
        var random = new Random(seed);
        var sample = Enumerable.Range(0, 5000).Select(_ => Math.Max(0, center + spread * Forecaster.Risk.Liquidity.StudentT.NextNormal(random))).OrderBy(x => x).ToList();
        return new MarketExposure(name, available, sample);
    }

    [Fact]
    public void Allocate_NeverSpendsPastTheBudget_AndBeatsAnEvenSplit()
    {
        // One market far from trouble, one in it: an even split wastes half the budget on the safe one.
        var markets = new[] { Market("safe", 500e6, 50e6, 20e6, 1), Market("tight", 20e6, 80e6, 30e6, 2) };
        var budget = 100e6;

        var allocation = TreasuryAllocator.Allocate(markets, budget);

        Assert.True(allocation.Sum() <= budget * (1 + 1e-12));
        Assert.All(allocation, x => Assert.True(x >= 0));
        double Total(IReadOnlyList<double> a) => markets.Select((m, i) => m.ShortfallProbability(a[i])).Sum();
        Assert.True(Total(allocation) < Total([budget / 2, budget / 2]) - 0.05, $"optimised {Total(allocation)} vs even {Total([budget / 2, budget / 2])}");
        Assert.True(allocation[1] > allocation[0]);
    }

    [Fact]
    public void Allocate_StopsSpending_WhenNoMarketCanBeHelped()
    {
        var markets = new[] { Market("a", 1e9, 10e6, 1e6, 3) };
        Assert.Equal(0, TreasuryAllocator.Allocate(markets, 100e6).Single());
    }

    [Fact]
    public void Allocate_Throws_WhenTheBudgetIsNegative()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TreasuryAllocator.Allocate([], -1));
        Assert.Equal("budgetUsd", error.ParamName);
    }
}
