using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Modeling.Registry;
using Forecaster.Simulation;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class ModelRegistryTests
{
    private static readonly BacktestOptions Options = new() { Model = new EarlyWarningModelOptions { Trees = 20 } };
    internal static readonly Lazy<(IReadOnlyList<MarketHistory> Markets, EarlyWarningModel Model)> Fitted = new(() =>
    {
        var markets = MarketSimulator.Run(new SimulationOptions { Markets = 4, Days = 240, Seed = 5 })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();
        return (markets, EarlyWarningModel.Fit(markets, Options));
    });

    internal static ModelCard Card(double aucPr, double recall) => new(
        "ignored", 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), ["sim"],
        ShortfallFeatureBuilder.Names.ToArray(), Options,
        new ModelMetrics(3, recall, 12, 0.02, 0.3, aucPr, 0.25, 0.9, 0.88, 0.3, 0.2),
        double.IsFinite(Fitted.Value.Model.AlertThreshold) ? Fitted.Value.Model.AlertThreshold : null, Fitted.Value.Model.BaseRate,
        Fitted.Value.Model.Forecaster.LowerResidual, Fitted.Value.Model.Forecaster.UpperResidual, Fitted.Value.Model.Forecaster.UsesPersistence, Fitted.Value.Model.Classifier is not null, "test");

    [Fact]
    public void Load_ReturnsSamePredictions_WhenModelWasSaved()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        var (markets, model) = Fitted.Value;
        Assert.NotNull(model.Classifier); // the simulated markets must contain shortfalls, or the test checks nothing
        var rows = ShortfallFeatureBuilder.Build(markets, 0.98)[0];
        var sample = Enumerable.Range(0, 200).Select(i => rows.Row(i * 20).ToArray()).ToArray();

        var card = registry.Save("shortfall", model, Card(0.4, 0.8));
        var (loaded, loadedCard) = registry.Load("shortfall", card.Version);

        Assert.Equal(1, card.Version);
        Assert.Equal(model.Probabilities(sample), loaded.Probabilities(sample));
        Assert.Equal(model.Forecaster.PredictChange(sample), loaded.Forecaster.PredictChange(sample));
        Assert.Equal(model.AlertThreshold, loaded.AlertThreshold);
        Assert.Equal(card.Metrics, loadedCard.Metrics);
        Assert.Equal(Options.Definition, loadedCard.Options.Definition);
        Assert.True(File.Exists(Path.Combine(folder.Path, "shortfall", "1", "card.md")));
    }

    [Fact]
    public void Load_ReturnsSamePredictions_ForALogisticModelOnChosenFeatures()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        var markets = Fitted.Value.Markets;
        var options = Options with { Model = Options.Model with { Learner = ShortfallLearner.Logistic, LogisticFeatures = ["log_gap_to_full", "util_change_24h", "others_util_max"] } };
        var model = EarlyWarningModel.Fit(markets, options);
        Assert.NotNull(model.Classifier);
        var rows = ShortfallFeatureBuilder.Build(markets, 0.98)[1];
        var sample = Enumerable.Range(0, 200).Select(i => rows.Row(i * 20).ToArray()).ToArray();

        var card = registry.Save("shortfall", model, Card(0.4, 0.8) with { Options = options });
        var (loaded, loadedCard) = registry.Load("shortfall", card.Version);

        // The card's options say which columns the saved model reads; a wrong projection would change every probability.
        Assert.Equal(ShortfallLearner.Logistic, loadedCard.Options.Model.Learner);
        Assert.Equal(model.Probabilities(sample), loaded.Probabilities(sample));
        Assert.True(model.Probabilities(sample).Distinct().Count() > 10, "the probabilities must vary, or the comparison checks nothing");
    }

    [Fact]
    public void Load_ReturnsSameProbabilitiesAndRuleLevel_ForARankedModelSharingItsBudgetWithTheRule()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        var markets = Fitted.Value.Markets;
        var options = Options with { Model = Options.Model with { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 72, RuleShareOfBudget = 0.5 } };
        var model = EarlyWarningModel.Fit(markets, options);
        Assert.True(double.IsFinite(model.RuleLevel));
        var rows = ShortfallFeatureBuilder.Build(markets, 0.98)[1];
        var sample = Enumerable.Range(0, 200).Select(i => rows.Row(i * 20).ToArray()).ToArray();

        var card = registry.Save("shortfall", model, Card(0.4, 0.8) with { Options = options });
        var (loaded, loadedCard) = registry.Load("shortfall", card.Version);

        // The ranker and its Platt map to the 24 h target load as one model; the rule's share of the budget comes back too.
        Assert.Equal(model.Probabilities(sample), loaded.Probabilities(sample));
        Assert.Equal(model.RuleLevel, loaded.RuleLevel);
        Assert.Equal(72, loadedCard.Options.Model.RankingHorizonHours);
    }

    [Fact]
    public void Load_ReturnsSameProbabilities_ForAnOnsetRankedModel()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        var markets = Fitted.Value.Markets;
        var ranked = Options.Model with { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 72 };
        var options = Options with { Model = ranked with { RankOnOnsets = true } };
        var model = EarlyWarningModel.Fit(markets, options);
        var rows = ShortfallFeatureBuilder.Build(markets, 0.98)[1];
        var sample = Enumerable.Range(0, 200).Select(i => rows.Row(i * 20).ToArray()).ToArray();

        var card = registry.Save("shortfall", model, Card(0.4, 0.8) with { Options = options, AlertThreshold = model.AlertThreshold, BaseRate = model.BaseRate });
        var (loaded, loadedCard) = registry.Load("shortfall", card.Version);

        // The onset ranker and its Platt map load as one model, and the card says what it ranks on.
        Assert.True(loadedCard.Options.Model.RankOnOnsets);
        Assert.Equal(72, loadedCard.Options.Model.RankingHorizonHours);
        Assert.Equal(model.Probabilities(sample), loaded.Probabilities(sample));
        Assert.Equal(model.AlertThreshold, loaded.AlertThreshold);
        Assert.Contains("episode start within 72 h", File.ReadAllText(Path.Combine(folder.Path, "shortfall", "1", "card.md")));
        // Ranking on onsets must change the model, or the option does nothing.
        Assert.NotEqual(EarlyWarningModel.Fit(markets, Options with { Model = ranked }).Probabilities(sample), model.Probabilities(sample));
        Assert.True(model.Probabilities(sample).Distinct().Count() > 10, "the probabilities must vary, or the comparison checks nothing");
    }

    [Fact]
    public void Load_ReturnsSameProbabilities_ForTheFirstPassageLearner()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        var markets = Fitted.Value.Markets;
        var options = Options with { Model = Options.Model with { Learner = ShortfallLearner.FirstPassage } };
        var model = EarlyWarningModel.Fit(markets, options);
        Assert.NotNull(model.Classifier);
        var rows = ShortfallFeatureBuilder.Build(markets, 0.98)[1];
        var sample = Enumerable.Range(0, 200).Select(i => rows.Row(i * 20).ToArray()).ToArray();

        var card = registry.Save("shortfall", model, Card(0.4, 0.8) with { Options = options, AlertThreshold = model.AlertThreshold, BaseRate = model.BaseRate });
        var (loaded, loadedCard) = registry.Load("shortfall", card.Version);

        // Nothing is fitted: the probability is the first-passage column, and the threshold comes back from the card.
        var column = ShortfallFeatureBuilder.IndexOf("first_passage_probability");
        Assert.Equal(ShortfallLearner.FirstPassage, loadedCard.Options.Model.Learner);
        Assert.Equal(sample.Select(r => (double)r[column]).ToArray(), loaded.Probabilities(sample));
        Assert.Equal(model.Probabilities(sample), loaded.Probabilities(sample));
        Assert.Equal(model.AlertThreshold, loaded.AlertThreshold);
        Assert.True(double.IsFinite(loaded.AlertThreshold));
        Assert.True(model.Probabilities(sample).Distinct().Count() > 10, "the probabilities must vary, or the comparison checks nothing");
    }

    [Fact]
    public void ReadCard_ReturnsTheBootstrapIntervals_WhenTheCardWasSavedWithThem()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        // Hand-made scores: the model detects every episode, the rule one in two, so every interval is defined and some are wide.
        var labels = BootstrapMarkets.Labels(4);
        var uncertainty = WarningBootstrap.Compare(
            [BootstrapMarkets.Side(labels, b => 130 - b, BootstrapMarkets.HighBefore())],
            [BootstrapMarkets.Side(labels, b => b % 2 == 0 ? 145 : null, (_, o) => o < 24 ? 0.25 : 0.125)],
            BootstrapMarkets.Definition, BootstrapMarkets.Options);

        var card = registry.Save("shortfall", Fitted.Value.Model, Card(0.4, 0.8) with { Uncertainty = uncertainty });
        var read = registry.ReadCard("shortfall", card.Version);

        Assert.Equal(uncertainty, read.Uncertainty);
        Assert.True(read.Uncertainty!.Recall.RuleInterval.Upper > read.Uncertainty.Recall.RuleInterval.Lower);
        var markdown = File.ReadAllText(Path.Combine(folder.Path, "shortfall", "1", "card.md"));
        Assert.Contains("## Uncertainty against the threshold rule", markdown);
        Assert.Contains($"| recall | 1 [1, 1] | 0.5 [{read.Uncertainty.Recall.RuleInterval.Lower:0.###}, {read.Uncertainty.Recall.RuleInterval.Upper:0.###}] |", markdown);
    }

    [Fact]
    public void ReadCard_HasNoUncertainty_WhenTheCardPredatesIt() => Assert.Null(ReadWithout("Uncertainty").Uncertainty);

    [Fact]
    public void ReadCard_HasNoChampionComparison_WhenTheCardPredatesIt() => Assert.Null(ReadWithout("AgainstChampion").AgainstChampion);

    // Saves a card, removes a property from its JSON as a card written before the property existed, and reads it back.
    private static ModelCard ReadWithout(string property)
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        var card = registry.Save("shortfall", Fitted.Value.Model, Card(0.4, 0.8));
        var path = Path.Combine(folder.Path, "shortfall", "1", "card.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.True(json.Remove(property), $"the card must have written {property} for the test to remove it");
        File.WriteAllText(path, json.ToJsonString());
        return registry.ReadCard("shortfall", card.Version);
    }

    [Fact]
    public void Promote_RefusesChallenger_WhenItsBacktestIsWorse()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        var champion = registry.Save("shortfall", Fitted.Value.Model, Card(aucPr: 0.5, recall: 0.8));
        registry.Promote("shortfall", champion.Version);
        // Another method (other code): without data, only the cards' figures can be compared.
        var worse = registry.Save("shortfall", Fitted.Value.Model, Card(aucPr: 0.4, recall: 0.9) with { CodeVersion = "other" });

        var e = Assert.Throws<ChallengerRejectedException>(() => registry.Promote("shortfall", worse.Version));

        Assert.Contains("does not beat champion v1 on card figures from the same data window", e.Message);
        Assert.Contains("fallback to card figures: no data given", e.Message);
        Assert.Equal(1, registry.Champion("shortfall"));
        registry.Promote("shortfall", worse.Version, force: true);
        Assert.Equal(2, registry.Champion("shortfall"));
    }

    [Fact]
    public void Promote_ReplacesAChampionThisBuildCannotLoad_EvenWithAWorseChallenger()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        var champion = registry.Save("shortfall", Fitted.Value.Model, Card(aucPr: 0.5, recall: 0.8));
        registry.Promote("shortfall", champion.Version);
        var worse = registry.Save("shortfall", Fitted.Value.Model, Card(aucPr: 0.4, recall: 0.9));
        // As a model saved by an older build reads: its file no longer loads here.
        File.WriteAllBytes(Path.Combine(folder.Path, "shortfall", "1", "forecaster.zip"), [1, 2, 3]);
        Assert.Throws<Forecaster.Modeling.Persistence.ModelFormatException>(() => registry.Load("shortfall", 1));

        registry.Promote("shortfall", worse.Version);

        Assert.Equal(2, registry.Champion("shortfall"));
    }

    [Fact]
    public void Promote_AcceptsChallenger_WhenItBeatsTheChampion()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        registry.Promote("shortfall", registry.Save("shortfall", Fitted.Value.Model, Card(0.5, 0.8)).Version);

        registry.Promote("shortfall", registry.Save("shortfall", Fitted.Value.Model, Card(0.6, 0.8) with { CodeVersion = "other" }).Version);

        Assert.Equal(2, registry.Champion("shortfall"));
        Assert.Equal([1, 2], registry.List().Select(c => c.Version));
    }

    [Fact]
    public void Promote_SaysTheCardFiguresComeFromDifferentWindows_WhenItHasNoDataToCompareOn()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        registry.Promote("shortfall", registry.Save("shortfall", Fitted.Value.Model, Card(0.5, 0.8)).Version);
        var later = Card(0.6, 0.8) with { CodeVersion = "other", DataTo = DateTimeOffset.UnixEpoch.AddDays(8) };

        var comparison = registry.Promote("shortfall", registry.Save("shortfall", Fitted.Value.Model, later).Version);

        Assert.Equal(ComparisonBasis.CardFigures, comparison?.Basis);
        Assert.Contains("beats champion v1 on card figures from DIFFERENT data windows (1970-01-01 00:00..1970-01-09 00:00 vs 1970-01-01 00:00..1970-01-02 00:00)", comparison!.Summary);
    }

    [Fact]
    public void Promote_FollowsTheComparisonOnTheCard_WhenItWasMadeAgainstTheSameChampion()
    {
        using var folder = new TempDirectory();
        var registry = new ModelRegistry(folder.Path);
        registry.Promote("shortfall", registry.Save("shortfall", Fitted.Value.Model, Card(0.5, 0.8)).Version);
        // Its card figure is higher, but on the same hours it lost to champion v1's method.
        var lost = new ChampionComparison(1, ComparisonBasis.SameHours, new ModelMetrics(3, 0.5, 5, 0.02, 0.2, 0.3, 0.1, 1, 0.9, 0.5, 0.2),
            new ModelMetrics(3, 0.6, 9, 0.02, 0.3, 0.4, 0.2, 1, 0.9, 0.5, 0.2), false, "on the same hours the challenger does not beat champion v1's method re-run there");
        var challenger = registry.Save("shortfall", Fitted.Value.Model, Card(0.6, 0.8) with { CodeVersion = "other", AgainstChampion = lost });

        var e = Assert.Throws<ChallengerRejectedException>(() => registry.Promote("shortfall", challenger.Version));

        Assert.Contains("on the same hours the challenger does not beat champion v1", e.Message);
        Assert.Equal(1, registry.Champion("shortfall"));
        Assert.Contains("## Against the champion v1 on the same hours", File.ReadAllText(Path.Combine(folder.Path, "shortfall", "2", "card.md")));
    }

    [Fact]
    public void Compare_FallsBackToCardFigures_WhenThisCodeCannotRebuildTheChampionsMethod()
    {
        var champion = Card(0.5, 0.8) with { Version = 1, Features = [.. ShortfallFeatureBuilder.Names, "retired_feature"] };
        var challenger = Card(0.6, 0.8) with { CodeVersion = "other" };

        var comparison = ChampionComparer.Compare(challenger, champion, Fitted.Value.Markets, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ComparisonBasis.CardFigures, comparison.Basis);
        Assert.True(comparison.ChallengerWins);
        Assert.Null(comparison.Paired);
        Assert.Contains("fallback to card figures: this code cannot rebuild champion v1's method (features no longer built: retired_feature)", comparison.Summary);
    }

    [Fact]
    public void Load_Throws_WhenVersionDoesNotExist()
    {
        using var folder = new TempDirectory();
        var e = Assert.Throws<ModelNotFoundException>(() => new ModelRegistry(folder.Path).Load("shortfall", 7));
        Assert.Contains("shortfall v7", e.Message);
    }

    [Fact]
    public void Assess_FillsProbabilityAndForecastFromChampion_WhenWrappedAsRiskModel()
    {
        var (markets, model) = Fitted.Value;
        var market = markets[0];
        var asOf = market.Hours[3000].Hour;
        var risk = new ChampionRiskModel(model, "shortfall v1");

        var assessment = risk.Assess(Markets.Market.FromName(market.Name), market.Hours, asOf, [TimeSpan.FromHours(24), TimeSpan.FromHours(72)]);

        Assert.Equal(asOf, assessment.AsOf);
        Assert.InRange(assessment.ShortfallProbability24h, 0, 1);
        var f24 = assessment.Forecasts.Single(f => f.Horizon == TimeSpan.FromHours(24));
        Assert.True(f24.LowerUsd <= f24.MedianUsd && f24.MedianUsd <= f24.UpperUsd);
        Assert.Contains("early-warning model shortfall v1", assessment.Method);
    }
}
