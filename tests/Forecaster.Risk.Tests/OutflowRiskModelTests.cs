using Forecaster.Markets;
using Forecaster.Risk.Liquidity;
using Xunit;

namespace Forecaster.Risk.Tests;

public class OutflowRiskModelTests
{
    private static readonly DateTimeOffset T0 = new(2023, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Market Market = Market.FromName("test_usdc");

    // 120 days of small noisy moves around $1B with 50% utilization and one run: 30% of deposits leave over 24 hours on day 60.
    private static List<MarketHour> WithOneRun()
    {
        var random = new Random(4);
        var hours = new List<MarketHour>();
        var deposits = 1e9;
        for (var h = 0; h < 120 * 24; h++)
        {
            deposits *= 1 + 0.001 * StudentT.NextNormal(random);
            if (h is >= 60 * 24 and < 61 * 24) deposits *= Math.Pow(0.7, 1.0 / 24);
            hours.Add(new MarketHour(T0.AddHours(h), deposits, 0.5e9, 0, 1, 2, DataQuality.None, 0, 0));
        }
        return hours;
    }

    [Fact]
    public void Assess_SeesTheRunInTheHistoricalTail_AndCoversWithAvailableOverEs99()
    {
        var hours = WithOneRun();
        var report = new OutflowRiskModel().Assess(Market, hours, hours[^1].Hour);

        var historical24 = report.Outflows.Single(o => o is { Method: OutflowMethod.Historical } && o.Horizon == TimeSpan.FromHours(24));
        // About 1% of 24 h windows overlap the run: the 99% tail must reach well into it.
        Assert.InRange(historical24.Es99, 0.15, 0.31);
        Assert.True(historical24.Var95 < 0.1, "95% of days are ordinary");
        // Three horizons by three methods; the agent-based 24 h row only on request, and it leaves the buffer's basis alone.
        Assert.Equal(9, report.Outflows.Count);
        Assert.DoesNotContain(report.Outflows, o => o.Method == OutflowMethod.AgentBased);
        var shown = new OutflowRiskModel().WithAgentBased(report, null);
        Assert.Equal(10, shown.Outflows.Count);
        Assert.Equal(OutflowRiskOptions.Defaults.AgentPaths, shown.Outflows.Single(o => o.Method == OutflowMethod.AgentBased && o.Horizon == TimeSpan.FromHours(24)).Samples);
        Assert.Equal(report.Es99Outflow24hUsd, shown.Es99Outflow24hUsd);
        foreach (var o in shown.Outflows)
        {
            Assert.True(o.Var95 <= o.Var99 && o.Var99 <= o.Es99, $"{o.Method} {o.Horizon}: ordered tail");
            Assert.True(o.Var95 <= o.Es95);
        }
        var es99 = report.Outflows.Single(o => o.Horizon == TimeSpan.FromHours(24) && o.Method == OutflowMethod.FilteredHistorical).Es99 * hours[^1].SuppliedUsd;
        Assert.Equal(es99, report.Es99Outflow24hUsd, 1e-3);
        Assert.Equal(hours[^1].AvailableLiquidityUsd / es99, report.LiquidityCoverage, 1e-9);
    }

    [Fact]
    public void Assess_ScalesSimulatedTailsWithCurrentVolatility()
    {
        // A turbulent week early on, calm for the last two months: plain history keeps the turbulent days in its tail,
        // filtered and Monte Carlo simulation replay the shocks at today's (calm) volatility.
        var random = new Random(5);
        var hours = new List<MarketHour>();
        var deposits = 1e9;
        for (var h = 0; h < 90 * 24; h++)
        {
            deposits *= 1 + (h is > 10 * 24 and < 17 * 24 ? 0.01 : 0.0005) * StudentT.NextNormal(random);
            hours.Add(new MarketHour(T0.AddHours(h), deposits, 0.5e9, 0, 1, 2, DataQuality.None, 0, 0));
        }
        var report = new OutflowRiskModel().Assess(Market, hours, hours[^1].Hour);
        var day = TimeSpan.FromHours(24);
        var historical = report.Outflows.Single(o => o.Method == OutflowMethod.Historical && o.Horizon == day);
        var filtered = report.Outflows.Single(o => o.Method == OutflowMethod.FilteredHistorical && o.Horizon == day);
        var monteCarlo = report.Outflows.Single(o => o.Method == OutflowMethod.MonteCarlo && o.Horizon == day);
        Assert.True(filtered.Var99 < 0.5 * historical.Var99, $"filtered {filtered.Var99} vs historical {historical.Var99}");
        Assert.True(monteCarlo.Var99 < 0.5 * historical.Var99, $"Monte Carlo {monteCarlo.Var99} vs historical {historical.Var99}");
        // ...and lands near what today's calm volatility implies for a day (0.05% an hour, normal 99% quantile), since the
        // standardised shocks are rescaled to unit variance before they are replayed.
        Assert.InRange(filtered.Var99, 0.5 * 0.0005 * Math.Sqrt(24) * 2.33, 2 * 0.0005 * Math.Sqrt(24) * 2.33);
    }

    [Fact]
    public void Assess_IgnoresHoursAfterAsOf_AndIsDeterministic()
    {
        var hours = WithOneRun();
        var asOf = hours[100 * 24].Hour;
        var tampered = hours.Select(h => h.Hour > asOf ? h with { SuppliedUsd = 1 } : h).ToList();

        var a = new OutflowRiskModel().Assess(Market, hours, asOf);
        var b = new OutflowRiskModel().Assess(Market, tampered, asOf);

        Assert.Equal(a.Outflows, b.Outflows);
        Assert.Equal(asOf, a.AsOf);
    }

    [Fact]
    public void Assess_Throws_WhenHistoryIsShorterThan30Days()
    {
        var hours = WithOneRun().Take(20 * 24).ToList();
        Assert.Throws<InsufficientHistoryException>(() => new OutflowRiskModel().Assess(Market, hours, hours[^1].Hour));
    }

    [Theory]
    [InlineData(0.0, 10_000)]
    [InlineData(1.0, 10_000)]
    [InlineData(0.94, 10)]
    public void Constructor_Throws_WhenAnOptionIsOutOfRange(double lambda, int paths)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutflowRiskModel(new OutflowRiskOptions { EwmaLambda = lambda, Paths = paths }));
    }
}
