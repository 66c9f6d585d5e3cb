using Forecaster.EarlyWarning;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Modeling.Registry;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// A challenger meets the champion on the same hours: a refresh of the champion's method takes over, any other method
/// is measured against the champion's method re-run on the challenger's data.
/// </summary>
public class ChampionComparisonTests
{
    /// <summary>
    /// A different method: the first-passage probability, nothing fitted (so a re-run gives exactly the same scores). On
    /// the 240 days it ranks better than the default logistic (AUC-PR 0.025 against 0.013) and detects one episode of four.
    /// </summary>
    internal static readonly BacktestOptions FirstPassage = new() { Model = new EarlyWarningModelOptions { Learner = ShortfallLearner.FirstPassage } };

    [Fact]
    public async Task Refresh_IsPromoted_WhenMoreDataLowersItsCardFigureBelowTheChampions()
    {
        using var temp = new TempDirectory("retrain");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await RetrainingMarkets.OpenAsync(temp.File("s.duckdb"), days: 210, ct);
        var registry = new ModelRegistry(temp.File("models"));
        var champion = (await new RetrainingService(store, registry, codeVersion: RetrainingMarkets.Code).RunAsync(cancellationToken: ct)).Challenger;
        await RetrainingMarkets.UpsertAsync(store, days: 240, ct);

        var log = new Lines();
        var result = await new RetrainingService(store, registry, codeVersion: RetrainingMarkets.Code).RunAsync(log, ct);

        // The new hours hold an episode the method misses: the refresh's own card figure is lower, so the old rule
        // (card against card, different hours) keeps the stale champion.
        Assert.True(result.Challenger.DataTo > champion.DataTo);
        Assert.False(result.Challenger.Metrics.Beats(champion.Metrics), $"{result.Challenger.Metrics} vs {champion.Metrics}: the refresh must look worse on its card");
        Assert.False(ChampionComparer.ByCardFigures(result.Challenger, champion, "the old rule").ChallengerWins);
        // Same method, newer data: it takes over without a second walk-forward.
        Assert.True(result.Promoted, result.Rejection);
        Assert.Equal(2, registry.Champion(ModelRegistry.DefaultName));
        var against = Assert.IsType<ChampionComparison>(result.Challenger.AgainstChampion);
        Assert.Equal(ComparisonBasis.SameMethod, against.Basis);
        Assert.Contains("same method as champion v1", against.Summary);
        Assert.Contains("newer data window", against.Summary);
        Assert.Contains(log.All, l => l.StartsWith("same method as champion v1", StringComparison.Ordinal));
        Assert.DoesNotContain(log.All, l => l.Contains("re-running champion", StringComparison.Ordinal));
        Assert.Equal(against, registry.ReadCard(ModelRegistry.DefaultName, 2).AgainstChampion);
    }

    [Fact]
    public async Task Refresh_IsPromoted_WhenItsCodeVersionIsUnknownButTheReRunMatches()
    {
        using var temp = new TempDirectory("retrain");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await RetrainingMarkets.OpenAsync(temp.File("s.duckdb"), days: 210, ct);
        var registry = new ModelRegistry(temp.File("models"));
        await new RetrainingService(store, registry, codeVersion: "unknown").RunAsync(cancellationToken: ct);
        await RetrainingMarkets.UpsertAsync(store, days: 240, ct);

        var result = await new RetrainingService(store, registry, codeVersion: "unknown").RunAsync(cancellationToken: ct);

        // A build without .git cannot say it is the same code, so the champion's options are re-run on the same hours;
        // they give the challenger's very results (a tie, which Beats alone would refuse every week), so it is a refresh.
        var against = Assert.IsType<ChampionComparison>(result.Challenger.AgainstChampion);
        Assert.Equal(ComparisonBasis.SameHours, against.Basis);
        Assert.Equal(against.Challenger, against.Champion);
        Assert.False(against.Challenger.Beats(against.Champion));
        Assert.True(result.Promoted, result.Rejection);
        Assert.Contains("the challenger matches champion v1's method re-run there", against.Summary);
        Assert.Contains("a refresh of the champion's method on data ending no earlier", against.Summary);
    }

    [Fact]
    public async Task OtherMethod_IsRefused_WhenWorseOnTheSameHours_ThoughItsCardBeatsTheChampionsOldCard()
    {
        using var temp = new TempDirectory("retrain");
        var ct = TestContext.Current.CancellationToken;
        await using var store = await RetrainingMarkets.OpenAsync(temp.File("s.duckdb"), days: 240, ct);
        var registry = new ModelRegistry(temp.File("models"));
        await new RetrainingService(store, registry, options: FirstPassage, codeVersion: RetrainingMarkets.Code).RunAsync(cancellationToken: ct);
        // The champion's card figure, from its own (older) walk-forward, is below anything the challenger will show.
        var (model, card) = registry.Load(ModelRegistry.DefaultName, 1);
        var champion = registry.Save(ModelRegistry.DefaultName, model, card with { Metrics = card.Metrics with { AucPr = 0.001, Recall = 0 } });
        registry.Promote(ModelRegistry.DefaultName, champion.Version, force: true);

        var log = new Lines();
        var result = await new RetrainingService(store, registry, codeVersion: RetrainingMarkets.Code).RunAsync(log, ct);

        // Card against card, the challenger would win; on the same hours the champion's method is better.
        Assert.True(result.Challenger.Metrics.Beats(champion.Metrics), $"{result.Challenger.Metrics} vs {champion.Metrics}");
        Assert.False(result.Promoted);
        Assert.Equal(champion.Version, registry.Champion(ModelRegistry.DefaultName));
        Assert.Contains("does not beat champion v2's method re-run there", result.Rejection);
        var against = Assert.IsType<ChampionComparison>(result.Challenger.AgainstChampion);
        Assert.Equal(ComparisonBasis.SameHours, against.Basis);

        // The champion's figures are a walk-forward of its own options on the challenger's data, computed here independently.
        var markets = new List<MarketHistory>();
        foreach (var market in await store.GetMarketsAsync(ct)) markets.Add(new MarketHistory(market.Name, await store.GetHoursAsync(market.Name, cancellationToken: ct)));
        var rerun = EarlyWarningBacktest.WalkForward(markets, FirstPassage, cancellationToken: ct);
        Assert.Equal(ModelMetrics.From(rerun), against.Champion);
        Assert.Equal(result.Challenger.Metrics, against.Challenger);
        Assert.True(against.Champion.AucPr > against.Challenger.AucPr, $"{against.Champion.AucPr} vs {against.Challenger.AucPr}");
        Assert.Equal(rerun.FirstEvaluated, against.HoursFrom);
        Assert.Equal(rerun.LastEvaluated, against.HoursTo);

        // The paired bootstrap: challenger − champion on those hours, with 90% intervals, on the card and in the log.
        var paired = Assert.IsType<WarningComparison>(against.Paired);
        Assert.Equal(rerun.Model.Summary.AucPr, paired.AucPr.Rule);
        Assert.Equal(paired.AucPr.Model - rerun.Model.Summary.AucPr, paired.AucPr.Difference, 12);
        Assert.InRange(paired.AucPr.Difference, paired.AucPr.DifferenceInterval.Lower, paired.AucPr.DifferenceInterval.Upper);
        Assert.True(paired.AucPr.DifferenceInterval.Upper > paired.AucPr.DifferenceInterval.Lower, "the interval must have width");
        Assert.Equal(against, registry.ReadCard(ModelRegistry.DefaultName, result.Challenger.Version).AgainstChampion);
        var markdown = await File.ReadAllTextAsync(Path.Combine(registry.Root, ModelRegistry.DefaultName, "3", "card.md"), ct);
        Assert.Contains("## Against the champion v2 on the same hours", markdown);
        Assert.Contains("| measure | challenger [90%] | champion v2 [90%] | challenger - champion v2 [90%] | challenger wins |", markdown);
        Assert.Contains(log.All, l => l.StartsWith("on the same hours", StringComparison.Ordinal));
        Assert.Contains(log.All, l => l.StartsWith("measure", StringComparison.Ordinal) && l.Contains("challenger - champion v2 [90%]", StringComparison.Ordinal));
    }

    private sealed class Lines : IProgress<string>
    {
        public List<string> All { get; } = [];

        public void Report(string value) => All.Add(value);
    }
}
