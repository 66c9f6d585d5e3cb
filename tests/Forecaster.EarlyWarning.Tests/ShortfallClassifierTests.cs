using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Modeling.Persistence;
using Forecaster.Simulation;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class ShortfallClassifierTests
{
    private static readonly EarlyWarningModelOptions Logistic = new() { Learner = ShortfallLearner.Logistic };

    private static readonly Lazy<(float[][] Rows, bool[] Labels)> Training = new(() =>
    {
        var (rows, labels, _) = LabelledRows(new ShortfallDefinition().Horizon);
        return (rows, labels);
    });

    /// <summary>Simulated rows whose target and label at <paramref name="rankingHorizon"/> are both known.</summary>
    private static (float[][] Rows, bool[] Targets, bool[] Ranking) LabelledRows(TimeSpan rankingHorizon)
    {
        var definition = new ShortfallDefinition();
        var markets = MarketSimulator.Run(new SimulationOptions { Markets = 4, Days = 240, Seed = 5 })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();
        var features = ShortfallFeatureBuilder.Build(markets, definition.ShortfallUtilization);
        var rows = new List<float[]>();
        var targets = new List<bool>();
        var ranking = new List<bool>();
        for (var k = 0; k < markets.Length; k++)
        {
            var labels = ShortfallLabels.Compute(markets[k].Hours, definition);
            var longer = ShortfallLabels.Targets(labels.Times, labels.Eligible, labels.Shortfall, rankingHorizon);
            for (var i = 0; i < labels.Target.Length; i++)
            {
                if (labels.Target[i] == ShortfallLabels.None || longer[i] == ShortfallLabels.None) continue;
                rows.Add(features[k].Row(i).ToArray());
                targets.Add(labels.Target[i] == 1);
                ranking.Add(longer[i] == 1);
            }
        }
        return (rows.ToArray(), targets.ToArray(), ranking.ToArray());
    }

    [Fact]
    public void Logistic_GivesNearlyTheSameProbabilities_WhateverTheOrderOfTrainingRows()
    {
        var (rows, labels) = Training.Value;
        Assert.Contains(true, labels); // the simulated markets must contain shortfalls, or the test checks nothing
        var reversed = Enumerable.Range(0, rows.Length).Reverse().ToArray();

        var forward = ShortfallClassifier.Fit(rows, labels, rows.Length, Logistic);
        var backward = ShortfallClassifier.Fit(reversed.Select(i => rows[i]).ToArray(), reversed.Select(i => labels[i]).ToArray(), rows.Length, Logistic);

        // The likelihood is convex, so both fits reach the same optimum; L-BFGS stops within its tolerance of it, so
        // probabilities agree to within 1% (trees, by contrast, moved recall between 0.44 and 0.85 on row order).
        var sample = rows.Where((_, i) => i % 50 == 0).ToArray();
        var a = forward.Predict(sample);
        var b = backward.Predict(sample);
        for (var i = 0; i < sample.Length; i++) Assert.True(Math.Abs(a[i] - b[i]) <= 0.01 * a[i], $"row {i}: {a[i]} vs {b[i]}");
    }

    [Fact]
    public void Model_GivesIdenticalProbabilities_WhateverTheOrderOfMarkets()
    {
        var markets = MarketSimulator.Run(new SimulationOptions { Markets = 4, Days = 240, Seed = 5 })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();
        var options = new BacktestOptions { Model = Logistic };

        var a = EarlyWarningModel.Fit(markets, options);
        var b = EarlyWarningModel.Fit(markets.Reverse().ToArray(), options);

        // Training rows are put in a canonical order (by hour, markets by name) before fitting: exactly the same model.
        var rows = ShortfallFeatureBuilder.Build(markets, 0.98)[2];
        var sample = Enumerable.Range(0, 100).Select(i => rows.Row(i * 50).ToArray()).ToArray();
        Assert.Equal(a.Probabilities(sample), b.Probabilities(sample));
        Assert.Equal(a.AlertThreshold, b.AlertThreshold);
    }

    [Fact]
    public void Model_AlertsOnTheRulesLevelToo_OnlyWhenGivenAShareOfTheBudget()
    {
        var markets = MarketSimulator.Run(new SimulationOptions { Markets = 4, Days = 240, Seed = 5 })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();

        var alone = EarlyWarningModel.Fit(markets, new BacktestOptions { Model = Logistic });
        var shared = EarlyWarningModel.Fit(markets, new BacktestOptions { Model = Logistic with { RuleShareOfBudget = 0.5 } });

        Assert.Equal(double.PositiveInfinity, alone.RuleLevel);
        Assert.InRange(shared.RuleLevel, 0.5, 1.0);
        // Half the budget leaves the model a higher threshold; an hour at the rule's level alerts whatever its probability.
        Assert.True(shared.AlertThreshold > alone.AlertThreshold, $"shared {shared.AlertThreshold}, alone {alone.AlertThreshold}");
        Assert.True(shared.Alerts(0, shared.RuleLevel));
        Assert.False(shared.Alerts(0, shared.RuleLevel - 1e-9));
        Assert.False(alone.Alerts(0, 1.0));
    }

    [Fact]
    public void Logistic_IsCalibratedInTheLarge_OnItsTrainingRows()
    {
        var (rows, labels) = Training.Value;
        var baseRate = labels.Count(l => l) / (double)labels.Length;

        var classifier = ShortfallClassifier.Fit(rows, labels, rows.Length, Logistic);

        // Maximum likelihood with an intercept makes the mean probability match the base rate; a model fit on
        // resampled rows (fewer negatives) or without calibration would be far off.
        Assert.True(classifier.IsCalibratedOnHoldout);
        Assert.Equal(rows.Length, classifier.HoldoutProbabilities.Length);
        var mean = classifier.HoldoutProbabilities.Average();
        Assert.InRange(mean, baseRate * 0.8, baseRate * 1.2);
        // And it ranks: positives score higher than negatives on average.
        var positives = classifier.HoldoutProbabilities.Where((_, i) => labels[i]).Average();
        var negatives = classifier.HoldoutProbabilities.Where((_, i) => !labels[i]).Average();
        Assert.True(positives > negatives, $"positives {positives}, negatives {negatives}");
    }

    [Fact]
    public void RecalibratedLogistic_FollowsTheHoldoutsBaseRate_WhenItDiffersFromTheEarlierRows()
    {
        // Earlier rows keep one positive in four (a calmer past); the holdout is every row (today's higher base rate).
        var (rows, labels) = Training.Value;
        var positive = 0;
        var early = Enumerable.Range(0, rows.Length).Where(i => !labels[i] || positive++ % 4 == 0).ToArray();
        var features = early.Select(i => rows[i]).Concat(rows).ToArray();
        var targets = early.Select(i => labels[i]).Concat(labels).ToArray();
        var holdoutRate = labels.Count(l => l) / (double)labels.Length;

        var recalibrated = ShortfallClassifier.Fit(features, targets, early.Length, Logistic with { RecalibrateOnHoldout = true });
        var plain = ShortfallClassifier.Fit(features[..early.Length], targets[..early.Length], early.Length, Logistic);

        Assert.Equal(rows.Length, recalibrated.HoldoutProbabilities.Length);
        Assert.InRange(recalibrated.HoldoutProbabilities.Average(), holdoutRate * 0.8, holdoutRate * 1.2);
        // Without recalibration the earlier rows' lower rate shows: the test would catch a recalibration left out.
        Assert.True(plain.Predict(rows).Average() < holdoutRate * 0.6, $"plain mean {plain.Predict(rows).Average()}, holdout rate {holdoutRate}");
    }

    [Fact]
    public void RankedLogistic_GivesTheTargetsProbability_WhileRankingOnTheLongerHorizon()
    {
        var (rows, targets, ranking) = LabelledRows(TimeSpan.FromHours(72));
        var targetRate = targets.Count(l => l) / (double)targets.Length;
        var rankingRate = ranking.Count(l => l) / (double)ranking.Length;
        Assert.True(rankingRate > targetRate * 1.5, $"the 72 h label should be much commoner: {rankingRate} vs {targetRate}");

        var ranked = ShortfallClassifier.FitRanked(rows, ranking, targets, Logistic with { RankingHorizonHours = 72 });
        var onRanking = ShortfallClassifier.Fit(rows, ranking, rows.Length, Logistic);

        // Platt on the 24 h targets brings the mean probability to the target's rate, not the 72 h label's; a ranker
        // left uncalibrated would sit near the 72 h rate.
        var probabilities = ranked.Predict(rows);
        Assert.InRange(probabilities.Average(), targetRate * 0.8, targetRate * 1.2);
        Assert.True(onRanking.Predict(rows).Average() > targetRate * 1.4);
        // The calibrator is monotone: the ordering of hours is the ranking model's.
        var order = Enumerable.Range(0, rows.Length).Where(i => i % 97 == 0).ToArray();
        var rankedScores = order.Select(i => probabilities[i]).ToArray();
        var rankingScores = onRanking.Predict(order.Select(i => rows[i]).ToArray());
        for (var a = 0; a < order.Length; a++)
            for (var b = 0; b < order.Length; b++)
                if (rankingScores[a] > rankingScores[b] + 1e-6) Assert.True(rankedScores[a] >= rankedScores[b], $"rows {order[a]} and {order[b]} swapped");
    }

    [Fact]
    public void HazardLogistic_GivesTheTargetsProbability_WhileRankingOnTheNextHour()
    {
        var (rows, targets, nextHour) = LabelledRows(TimeSpan.FromHours(1));
        var targetRate = targets.Count(l => l) / (double)targets.Length;
        var hazardRate = nextHour.Count(l => l) / (double)nextHour.Length;
        Assert.True(hazardRate > 0 && hazardRate < targetRate / 3, $"the next-hour label should be much rarer: {hazardRate} vs {targetRate}");

        var hazard = ShortfallClassifier.FitRanked(rows, nextHour, targets, Logistic with { RankingHorizonHours = 1 });

        // Platt on the 24 h targets lifts the hazard's scale to the target's rate; a hazard left unmapped would sit near
        // the next hour's rate, a third of it or less.
        Assert.InRange(hazard.Predict(rows).Average(), targetRate * 0.8, targetRate * 1.2);
    }

    [Fact]
    public void Fit_RejectsAnUnknownLogisticFeature_NamingIt()
    {
        var options = Logistic with { LogisticFeatures = ["utilization", "no_such_feature"] };

        var e = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("no_such_feature", e.Message);
    }

    [Fact]
    public void Load_RefusesAModelOfAnotherFeatureWidth_SayingToRetrain()
    {
        var (rows, labels) = Training.Value;
        var logistic = ShortfallClassifier.Fit(rows, labels, rows.Length, Logistic);
        using var saved = new MemoryStream();
        logistic.Save(saved);
        saved.Position = 0;

        // Read with the trees' options, which take every feature column: a model saved by a build with fewer columns
        // looks the same, and without the check it loads and fails only at its first prediction.
        var e = Assert.Throws<ModelFormatException>(() => ShortfallClassifier.Load(saved, new EarlyWarningModelOptions { Learner = ShortfallLearner.GradientBoostedTrees }));

        Assert.Contains($"reads {ShortfallFeatureBuilder.LogisticNames.Count} feature columns", e.Message);
        Assert.Contains($"makes {ShortfallFeatureBuilder.Count}", e.Message);
        Assert.Contains("retrain", e.Message);
    }

    [Theory]
    [InlineData(45)] // before the holder levels
    [InlineData(48)] // before their trends against the market's own past
    public void Load_RefusesAModelOfTheWidthBeforeTheHolderColumns_SayingToRetrain(int before)
    {
        // The columns an earlier build made: a model reading all of them is that wide, as one saved then.
        var (rows, labels) = Training.Value;
        var old = ShortfallClassifier.Fit(rows, labels, rows.Length, new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, LogisticFeatures = [.. ShortfallFeatureBuilder.Names.Take(before)] });
        using var saved = new MemoryStream();
        old.Save(saved);
        saved.Position = 0;

        var e = Assert.Throws<ModelFormatException>(() => ShortfallClassifier.Load(saved, new EarlyWarningModelOptions { Learner = ShortfallLearner.GradientBoostedTrees }));

        Assert.Contains($"reads {before} feature columns, but this build makes {ShortfallFeatureBuilder.Count}", e.Message);
        Assert.Contains("retrain", e.Message);
    }
}
