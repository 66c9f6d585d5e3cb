using Forecaster.Markets;
using Forecaster.Prices;
using Forecaster.Risk.Stress;
using Xunit;

namespace Forecaster.Risk.Tests;

public class CorrelatedStressTests
{
    private static readonly DateTimeOffset T0 = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int Days = 100;
    private static readonly DateTimeOffset End = T0.AddDays(Days);

    // Hourly hours whose deposits change only at midnight, following the given daily outflow shares.
    private static (Market, IReadOnlyList<MarketHour>) Market(string name, Func<int, double> outflowOnDay, double start = 1_000e6)
    {
        var hours = new List<MarketHour>();
        var supplied = start;
        for (var d = 0; d < Days; d++)
        {
            if (d > 0) supplied *= 1 - outflowOnDay(d);
            for (var h = 0; h < 24; h++)
            {
                var t = T0.AddDays(d).AddHours(h);
                hours.Add(new MarketHour(t, supplied, supplied * 0.5, 0, 1, 2, DataQuality.None, t.ToUnixTimeSeconds(), 0));
            }
        }
        return (Forecaster.Markets.Market.FromName(name), hours);
    }

    private static double Noise(int day, int seed) => (new Random(day * 31 + seed).NextDouble() - 0.5) * 0.02;

    // a and b share the same daily moves, c moves against them; on day 40 a and b lose 20% and 15%.
    private static IReadOnlyList<(Market, IReadOnlyList<MarketHour>)> Markets() =>
    [
        Market("x_a", d => d == 40 ? 0.20 : Noise(d, 1)),
        Market("x_b", d => d == 40 ? 0.15 : Noise(d, 1)),
        Market("x_c", d => d == 40 ? 0.00 : -Noise(d, 1)),
    ];

    [Fact]
    public void Analyze_MeasuresCoMovement_AndFindsTheWorstJointDay()
    {
        var stress = CorrelatedStressAnalyzer.Analyze(Markets(), new Dictionary<string, IReadOnlyList<PriceHour>>(), End);

        Assert.True(stress.CorrelationOf("x_a", "x_b") > 0.95);
        // The day-40 run (c did not take part) dominates a's variance, so the anti-correlation is diluted but stays negative.
        Assert.True(stress.CorrelationOf("x_a", "x_c") < -0.2);
        Assert.Equal(1, stress.CorrelationOf("x_c", "x_c"), 9);
        Assert.Equal(Days - 1, stress.PairedDays[0][1]);
        var worst = stress.WorstJointDays[0];
        Assert.Equal(T0.AddDays(39), worst.Day);
        Assert.Equal(0.20, worst.OutflowShare["x_a"], 9);
        Assert.Equal(0.15, worst.OutflowShare["x_b"], 9);
        Assert.InRange(worst.TotalOutflowShare, 0.10, 0.13); // about (200M + 150M + 0) / 3,000M
        Assert.Null(stress.Depeg);
    }

    [Fact]
    public void Analyze_CountsNoOutflow_ForAMarketWhosePriceHalvesWhileItsTokensStay()
    {
        // On day 40 a WETH market's USD deposits halve with the ETH price; its tokens do not move.
        var (weth, usd) = Market("x_weth", d => d == 40 ? 0.5 : 0);
        var tokens = usd.Select(h => h with { SuppliedTokens = 1e24 }).ToList();
        var none = new Dictionary<string, IReadOnlyList<PriceHour>>();

        var inTokens = CorrelatedStressAnalyzer.Analyze([.. Markets(), (weth, tokens)], none, End).WorstJointDays[0];
        Assert.Equal(T0.AddDays(39), inTokens.Day);
        Assert.Equal(0, inTokens.OutflowShare["x_weth"]);
        Assert.InRange(inTokens.TotalOutflowShare, 0.07, 0.10); // about (200M + 150M + 0 + 0) / 4,000M

        var inUsd = CorrelatedStressAnalyzer.Analyze([.. Markets(), (weth, usd)], none, End).WorstJointDays[0];
        Assert.Equal(0.5, inUsd.OutflowShare["x_weth"], 9);
        Assert.InRange(inUsd.TotalOutflowShare, 0.19, 0.23); // about (200M + 150M + 500M) / 4,000M
    }

    [Fact]
    public void Analyze_ReportsNoCorrelation_WithTooFewCommonDays()
    {
        var stress = CorrelatedStressAnalyzer.Analyze(Markets(), new Dictionary<string, IReadOnlyList<PriceHour>>(), T0.AddDays(30));
        Assert.True(double.IsNaN(stress.CorrelationOf("x_a", "x_b")));
        Assert.Equal(30, stress.PairedDays[0][1]); // midnights of days 0..30 give 30 daily outflows
    }

    // USDC holds $1 except a three-hour dip (0.92, 0.90, 0.91) at day 60 11:00-13:00, and one noisy single print of 0.85 on day 20.
    private static Dictionary<string, IReadOnlyList<PriceHour>> Prices()
    {
        var usdc = new List<PriceHour>();
        for (var h = 0; h < Days * 24; h++)
        {
            var t = T0.AddHours(h);
            var price = h == 20 * 24 + 5 ? 0.85 : (t - T0.AddDays(60)).TotalHours switch { 11 => 0.92, 12 => 0.90, 13 => 0.91, _ => 1.0 };
            usdc.Add(new PriceHour(t, price, 0));
        }
        return new Dictionary<string, IReadOnlyList<PriceHour>> { ["USDC"] = usdc };
    }

    [Fact]
    public void Analyze_ReplaysTheDeepestDepeg_IgnoringSinglePrints()
    {
        var markets = new[] { Market("x_usdc", d => d == 61 ? 0.30 : 0), Market("x_dai", d => d == 61 ? 0.10 : 0) };

        var depeg = CorrelatedStressAnalyzer.Analyze(markets, Prices(), End).Depeg;

        Assert.NotNull(depeg);
        Assert.Equal("USDC", depeg.Symbol);
        Assert.Equal(T0.AddDays(60).AddHours(12), depeg.Trough);
        Assert.Equal(0.91, depeg.TroughPriceUsd); // the 3-hour median, not the single lowest print
        // From day 59 12:00 to day 61 12:00 the day-61 midnight outflow falls inside the window.
        Assert.Equal(0.30, depeg.OutflowShare["x_usdc"], 9);
        Assert.Equal(0.10, depeg.OutflowShare["x_dai"], 9);
        var outcome = CorrelatedStressAnalyzer.Replay(new MarketHour(End, 100e6, 80e6, 0, 1, 2, DataQuality.None, 0, 0), "depeg", depeg.WindowStart, TimeSpan.FromDays(2), "x_usdc", depeg.OutflowShare["x_usdc"]);
        Assert.Equal(30e6, outcome.WithdrawalDemandUsd, 1);
        Assert.Equal(10e6, outcome.ShortfallUsd, 1);
    }

    [Fact]
    public void Analyze_NeverSeesADepegWhoseWindowEndsAfterTheAsOfHour()
    {
        var markets = new[] { Market("x_usdc", d => 0) };
        Assert.Null(CorrelatedStressAnalyzer.Analyze(markets, Prices(), T0.AddDays(61).AddHours(11)).Depeg);
        Assert.NotNull(CorrelatedStressAnalyzer.Analyze(markets, Prices(), T0.AddDays(61).AddHours(13)).Depeg);
    }
}
