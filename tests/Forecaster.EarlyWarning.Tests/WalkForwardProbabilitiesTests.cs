using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Simulation;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class WalkForwardProbabilitiesTests
{
    // The replay's early-warning basis reads these probabilities as what the model said then: cutting every history at an
    // hour must leave every earlier probability exactly as it was (no fit, feature or label may have used later data).
    [Fact]
    public void At_NeverUsesLaterData_AndIsNaNBeforeTheFirstFold()
    {
        var full = MarketSimulator.Run(new SimulationOptions { Markets = 3, Days = 300, Seed = 5 })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();
        var start = full[0].Hours[0].Hour;
        var cut = start.AddDays(250).AddHours(5);
        var truncated = full.Select(m => m with { Hours = m.Hours.Where(h => h.Hour <= cut).ToArray() }).ToArray();

        var all = WalkForwardProbabilities.Compute(full, new BacktestOptions(), TestContext.Current.CancellationToken);
        var early = WalkForwardProbabilities.Compute(truncated, new BacktestOptions(), TestContext.Current.CancellationToken);

        var compared = 0;
        var distinct = new HashSet<double>();
        foreach (var m in full)
        {
            foreach (var hour in m.Hours.Select(h => h.Hour).Where(h => h <= cut))
            {
                var p = all.At(m.Name, hour);
                Assert.Equal(p, early.At(m.Name, hour));
                if (hour < start + new BacktestOptions().BurnIn) Assert.True(double.IsNaN(p), $"{m.Name} {hour:u}: {p} before the first fold");
                else { Assert.InRange(p, 0, 1); compared++; distinct.Add(p); }
            }
        }
        Assert.True(compared > 3 * 60 * 24, $"only {compared} hours scored");
        Assert.True(distinct.Count > 100, "the probabilities must come from a fitted classifier, not one base rate");
        Assert.True(double.IsNaN(all.At("no_such_market", cut)));
    }
}
