using Forecaster.Modeling.Evaluation.Nab;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Modeling.Tests;

public sealed class NabScorerTests
{
    private static NabDataSet Synthetic(int rows, params NabWindow[] windows) =>
        new("synthetic.csv", Enumerable.Range(0, rows).Select(i => DateTime.UnixEpoch.AddMinutes(i)).ToArray(), new double[rows], windows);

    [Fact]
    public void ScaledSigmoid_IsOneAtWindowStartAndMinusOneFarAfter()
    {
        Assert.Equal(0.98661, NabScorer.ScaledSigmoid(-1), 1e-5);
        Assert.Equal(0, NabScorer.ScaledSigmoid(0), 1e-12);
        Assert.Equal(-1, NabScorer.ScaledSigmoid(3.5));
    }

    [Fact]
    public void Score_RewardsEarlyDetectionMoreThanLate()
    {
        var data = Synthetic(1000, new NabWindow(500, 599));
        var early = new double[1000]; early[500] = 1;
        var late = new double[1000]; late[590] = 1;

        var earlyScore = NabScorer.Score([(data, early)], NabProfile.Standard);
        var lateScore = NabScorer.Score([(data, late)], NabProfile.Standard);

        Assert.Equal(100, earlyScore.Normalized, 1e-9);
        // Row 590 sits at relative position -(599-590+1)/100 = -0.1: σ = 2/(1+e^-0.5) - 1, scaled by 1/σ(-1);
        // normalised against null (-1) and perfect (+1).
        var sigma = (2 / (1 + Math.Exp(-0.5)) - 1) / NabScorer.ScaledSigmoid(-1);
        Assert.Equal(100 * (sigma + 1) / 2, lateScore.Normalized, 1e-9);
    }

    [Fact]
    public void Score_ChargesFalsePositiveByProfileWeight()
    {
        var data = Synthetic(1000, new NabWindow(500, 599));
        var scores = new double[1000];
        scores[500] = 1;
        scores[300] = 1; // before any window: costs the full FP weight

        var standard = NabScorer.Score([(data, scores)], NabProfile.Standard);
        var lowFp = NabScorer.Score([(data, scores)], NabProfile.RewardLowFpRate);

        Assert.Equal(1 - 0.11, standard.Raw, 1e-9);
        Assert.Equal(1 - 0.22, lowFp.Raw, 1e-9);
    }

    [Fact]
    public void Score_IgnoresProbationaryRows()
    {
        var data = Synthetic(1000, new NabWindow(500, 599));
        var scores = new double[1000];
        scores[10] = 1; // inside the probationary 15%: not scored, so no FP

        var score = NabScorer.Score([(data, scores)], NabProfile.Standard);

        Assert.Equal(0, score.Normalized, 1e-12);
        Assert.Equal(0, score.FalsePositives);
    }

    [Fact]
    public void Score_NullIsZeroPerfectIsHundredRandomNearPublished_OnRealNab()
    {
        var corpus = NabCorpus.Load(SharedData.Require("nab"));
        var random = new Random(42);
        var nothing = corpus.Select(d => (d, new double[d.Values.Length])).ToList();
        var perfect = corpus.Select(d =>
        {
            var s = new double[d.Values.Length];
            var probation = d.ProbationLength();
            foreach (var w in d.Windows.Where(w => w.End >= probation)) s[Math.Max(w.Start, probation)] = 1;
            return (d, s);
        }).ToList();
        var noise = corpus.Select(d => (d, d.Values.Select(_ => random.NextDouble()).ToArray())).ToList();

        Assert.Equal(58, corpus.Count);
        foreach (var profile in NabProfile.All)
        {
            Assert.Equal(0, NabScorer.Score(nothing, profile).Normalized, 1e-9);
            Assert.Equal(100, NabScorer.Score(perfect, profile).Normalized, 1e-9);
        }
        // Published "random" detector: 16.8 standard, 5.8 low-FP, 25.9 low-FN (final_results.json); a different seed lands near.
        Assert.InRange(NabScorer.Score(noise, NabProfile.Standard).Normalized, 12, 22);
        Assert.InRange(NabScorer.Score(noise, NabProfile.RewardLowFnRate).Normalized, 20, 31);
    }

    [Fact]
    public void Evaluate_KdeEnsembleBeatsPublishedRandomAndSkyline_OnRealNab()
    {
        var corpus = NabCorpus.Load(SharedData.Require("nab"));

        var evaluation = NabEvaluator.Evaluate(NabDetectors.Create("kde-ensemble"), corpus, cancellationToken: TestContext.Current.CancellationToken);

        // Published: random 16.8, skyline 35.7 (standard). The detector must clear both; its measured score is in the report.
        Assert.True(evaluation.Scores[0].Normalized > 35.7, $"standard {evaluation.Scores[0].Normalized:F1}");
        Assert.Equal("standard", evaluation.Scores[0].Profile.Name);
    }

    [Fact]
    public void Create_Throws_NamingKnownDetectors_WhenNameUnknown()
    {
        var error = Assert.Throws<ForecasterException>(() => NabDetectors.Create("htm"));

        Assert.Contains("--detector", error.Message);
        Assert.Contains("kde-ensemble", error.Message);
    }

    [Fact]
    public void WriteJson_WritesIssueKeys()
    {
        using var folder = new TempDirectory();
        var path = folder.File("nab.json");
        var evaluation = new NabEvaluation("sr", NabProfile.All.Select(p => new NabScore(p, 0.5, 1, -2, 2, 3, 4)).ToList(), 58);

        NabReport.WriteJson(evaluation, path);

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("sr", json.RootElement.GetProperty("detector").GetString());
        Assert.Equal(75, json.RootElement.GetProperty("scores").GetProperty("standard").GetDouble(), 1e-9);
        Assert.Equal(75, json.RootElement.GetProperty("scores").GetProperty("reward_low_FP_rate").GetDouble(), 1e-9);
        Assert.Equal(75, json.RootElement.GetProperty("scores").GetProperty("reward_low_FN_rate").GetDouble(), 1e-9);
    }
}
