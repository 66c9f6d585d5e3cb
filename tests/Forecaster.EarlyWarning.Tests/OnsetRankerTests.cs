using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Simulation;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>The onset ranker (<see cref="EarlyWarningModelOptions.RankOnOnsets"/>) inside the walk-forward.</summary>
public sealed class OnsetRankerTests
{
    private static readonly EarlyWarningModelOptions Onset72 = new() { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 72, RankOnOnsets = true };

    [Fact]
    public void Validate_RefusesOnsetRanking_WithoutAWindow()
    {
        var options = new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankOnOnsets = true };

        var e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Equal(nameof(EarlyWarningModelOptions.RankOnOnsets), e.ParamName);
        Assert.Contains("RankingHorizonHours", e.Message);
    }

    [Fact]
    public void Validate_RefusesOnsetRanking_WithTrees()
    {
        var options = Onset72 with { Learner = ShortfallLearner.GradientBoostedTrees };

        var e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);

        Assert.Contains("logistic learner", e.Message);
    }

    [Fact]
    public void WalkForward_GivesTheSameProbabilities_WhenTheHistoryIsCutJustAfterARefit()
    {
        var markets = MarketSimulator.Run(new SimulationOptions { Markets = 3, Days = 200, Seed = 5 })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();
        var options = new BacktestOptions { Model = Onset72, BurnIn = TimeSpan.FromDays(110), RefitInterval = TimeSpan.FromDays(30) };
        var start = markets.Min(m => m.Hours[0].Hour);
        // 12 h after the second refit: onset windows (t, t + 72 h] that closed before that refit are all inside the cut
        // history, those still open at the cut are unknown there. A fit that read a window past its cutoff would see a
        // different row set (or label) in the cut history and give different probabilities.
        var cut = start + options.BurnIn + options.RefitInterval + TimeSpan.FromHours(12);
        var kept = markets.Select(m => m with { Hours = m.Hours.Where(h => h.Hour < cut).ToArray() }).ToArray();

        var full = WalkForwardProbabilities.Compute(markets, options, TestContext.Current.CancellationToken);
        var cutOff = WalkForwardProbabilities.Compute(kept, options, TestContext.Current.CancellationToken);

        var compared = 0;
        foreach (var m in kept)
            foreach (var hour in m.Hours.Where(h => h.Hour >= start + options.BurnIn).Select(h => h.Hour))
            {
                Assert.Equal(full.At(m.Name, hour), cutOff.At(m.Name, hour));
                compared++;
            }
        Assert.True(compared > 3 * 30 * 24, $"only {compared} hours compared");
        // The probabilities must vary across hours, or the comparison checks nothing.
        var sample = kept[0].Hours.Where(h => h.Hour >= start + options.BurnIn).Select(h => full.At(kept[0].Name, h.Hour)).ToArray();
        Assert.True(sample.Distinct().Count() > 100, "the walk-forward probabilities should vary");
    }
}
