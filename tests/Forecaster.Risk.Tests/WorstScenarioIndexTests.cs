using Forecaster.Markets;
using Forecaster.Risk.Stress;
using Xunit;

namespace Forecaster.Risk.Tests;

public class WorstScenarioIndexTests
{
    private static readonly DateTimeOffset T0 = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // A random walk of deposits and borrows with occasional runs, an hour missing now and then, and a spell below $10M.
    private static List<MarketHour> Walk(int seed, int hours)
    {
        var random = new Random(seed);
        var (supplied, borrowed) = (100e6, 60e6);
        var list = new List<MarketHour>();
        for (var h = 0; h < hours; h++)
        {
            if (random.NextDouble() < 0.02) continue; // a gap: windows across it do not count
            supplied *= random.NextDouble() < 0.01 ? 0.6 + 0.3 * random.NextDouble() : 0.98 + 0.04 * random.NextDouble();
            borrowed = Math.Min(supplied * 0.99, borrowed * (0.98 + 0.04 * random.NextDouble()));
            var scale = h is > 300 and < 340 ? 0.05 : 1; // below the $10M floor for a while
            list.Add(new MarketHour(T0.AddHours(h), supplied * scale, borrowed * scale, 0, 1, 2, DataQuality.None, 0, 0));
        }
        return list;
    }

    // What the worst episodes as of an hour are by definition: every window of every market that ended by then, the worst of
    // each kind, ties to the earlier market and then the earlier window.
    private static IReadOnlyList<StressScenario> Search(IReadOnlyList<(Market Market, IReadOnlyList<MarketHour> Hours)> markets, DateTimeOffset asOf)
    {
        var best = new Dictionary<string, (double Severity, StressScenario Scenario)>();
        void Consider(string name, double severity, Func<StressScenario> make)
        {
            if (severity > 0 && (!best.TryGetValue(name, out var b) || severity > b.Severity)) best[name] = (severity, make());
        }
        foreach (var (market, all) in markets)
        {
            var hours = all.Where(h => h.Hour <= asOf).ToList();
            foreach (var steps in new[] { 1, 24, 72 })
                for (var i = 0; i + steps < hours.Count; i++)
                {
                    var (a, b) = (hours[i], hours[i + steps]);
                    if (b.Hour - a.Hour != TimeSpan.FromHours(steps) || a.SuppliedUsd < StressTester.MinimumDepositsUsd) continue;
                    var outflow = 1 - DepositChange.Ratio(a, b);
                    Consider($"largest {steps} h deposit outflow", outflow, () => new StressScenario($"largest {steps} h deposit outflow", market.Name, a.Hour, TimeSpan.FromHours(steps), outflow, b.Utilization - a.Utilization) { SourceDepositsUsd = a.SuppliedUsd });
                }
            for (var i = 0; i + 24 < hours.Count; i++)
            {
                var (a, b) = (hours[i], hours[i + 24]);
                if (b.Hour - a.Hour != TimeSpan.FromHours(24) || a.SuppliedUsd < StressTester.MinimumDepositsUsd) continue;
                var jump = b.Utilization - a.Utilization;
                Consider(StressTester.UtilizationJumpName, jump, () => new StressScenario(StressTester.UtilizationJumpName, market.Name, a.Hour, TimeSpan.FromHours(24), Math.Max(0, 1 - DepositChange.Ratio(a, b)), jump) { SourceDepositsUsd = a.SuppliedUsd });
            }
        }
        return best.Values.Select(v => v.Scenario).OrderBy(s => s.Horizon).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void AsOf_EqualsAFreshSearch_AtEveryHour_TiesIncluded()
    {
        var first = Walk(1, 600);
        // The third market repeats the first one's moves five hours earlier: each of its windows ties with one of the first
        // market's and is seen first, and once the first market's ends, the first market, earlier in the order, takes over.
        var earlier = first.Select(h => h with { Hour = h.Hour.AddHours(-5) }).ToList();
        IReadOnlyList<(Market Market, IReadOnlyList<MarketHour> Hours)> markets =
            [(Market.FromName("a_usdc"), first), (Market.FromName("b_dai"), Walk(2, 600)), (Market.FromName("c_usdt"), earlier)];

        var index = WorstScenarioIndex.Build(markets);

        var checkedHours = 0;
        for (var t = T0.AddHours(-6); t <= T0.AddHours(601); t = t.AddHours(1), checkedHours++)
            Assert.Equal(Search(markets, t), index.AsOf(t));
        Assert.Equal(608, checkedHours);
        Assert.Contains(Enumerable.Range(0, 600).SelectMany(h => index.AsOf(T0.AddHours(h))), s => s.SourceMarket == "c_usdt");
        Assert.DoesNotContain(index.AsOf(T0.AddHours(600)), s => s.SourceMarket == "c_usdt");
        Assert.Equal(4, index.AsOf(T0.AddHours(600)).Count);
    }

    [Fact]
    public void Build_WithUntil_ReadsNoWindowEndingLater()
    {
        IReadOnlyList<(Market Market, IReadOnlyList<MarketHour> Hours)> markets = [(Market.FromName("a_usdc"), Walk(3, 500))];
        var cut = T0.AddHours(250);

        // Hours after the cut replaced by a crash that would beat everything: an index built up to the cut never sees it.
        var crashed = markets[0].Hours.Select(h => h.Hour > cut ? h with { SuppliedUsd = h.SuppliedUsd * 0.01 } : h).ToList();
        var before = WorstScenarioIndex.Build(markets, cut).AsOf(T0.AddHours(499));
        var after = WorstScenarioIndex.Build([(markets[0].Market, crashed)], cut).AsOf(T0.AddHours(499));

        Assert.Equal(before, after);
        Assert.Equal(Search(markets, cut), before);
    }
}
