using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class WarningEvaluatorTests
{
    private static readonly ShortfallDefinition Definition = new();

    private static ScoredMarket Score(ShortfallLabels labels, int[] alertHours, int evaluateFrom = 0)
    {
        var n = labels.Times.Length;
        var alert = new bool[n];
        foreach (var h in alertHours) alert[h] = true;
        var probability = alert.Select(a => a ? 0.9 : 0.1).ToArray();
        return new ScoredMarket("m", labels, Enumerable.Range(0, n).Select(i => i >= evaluateFrom).ToArray(), probability, alert, Enumerable.Repeat(0.05, n).ToArray());
    }

    [Fact]
    public void Evaluate_CountsDetectionAndLead_WhenFirstAlertInWindowIs30HoursEarly()
    {
        // Episodes start at 200 and 400. Alerts at 170 and 190 (inside [128, 199]); 300 is an alert far from anything;
        // 320 is 80 h before 400, outside its 72 h window, so the second episode is missed.
        var labels = ShortfallLabels.Compute(Hours.WithShortfallAt(600, 200, 201, 400), Definition);

        var report = WarningEvaluator.Evaluate([Score(labels, [170, 190, 300, 320])], Definition);
        var s = report.Summary;

        Assert.Equal(2, s.Episodes);
        Assert.Equal(1, s.Detected);
        Assert.Equal(0.5, s.Recall);
        Assert.Equal(30, s.MedianLeadHours);
        Assert.Equal(new EpisodeOutcome(Hours.T0.AddHours(200), true, 30), report.Markets[0].Episodes[0]);
        Assert.Equal(new EpisodeOutcome(Hours.T0.AddHours(400), false, null), report.Markets[0].Episodes[1]);
        // 597 alertable hours (600 minus 3 shortfall hours), 4 alerts.
        Assert.Equal(4.0 / 597, s.AlertShare, 12);
        // Only the alert at 190 is followed by a shortfall hour within 24 h.
        Assert.Equal(0.25, s.Precision24h);
    }

    [Fact]
    public void Evaluate_DoesNotCountAlertAtEpisodeStartHourMinusZero_WhenAlertOnlyAfterStart()
    {
        var labels = ShortfallLabels.Compute(Hours.WithShortfallAt(300, 100, 101), Definition);

        var s = WarningEvaluator.Evaluate([Score(labels, [102, 103])], Definition).Summary;

        Assert.Equal(1, s.Episodes);
        Assert.Equal(0, s.Detected);
        Assert.True(double.IsNaN(s.MedianLeadHours));
    }

    [Fact]
    public void Evaluate_SkipsEpisodes_WhenTheyStartBeforeTheEvaluatedPeriod()
    {
        var labels = ShortfallLabels.Compute(Hours.WithShortfallAt(600, 100, 400), Definition);

        var s = WarningEvaluator.Evaluate([Score(labels, [399], evaluateFrom: 200)], Definition).Summary;

        Assert.Equal(1, s.Episodes);
        Assert.Equal(1, s.Detected);
        Assert.Equal(1, s.MedianLeadHours);
        Assert.Equal(1.0 / 399, s.AlertShare, 12); // hours 200..599 minus the shortfall hour 400
    }

    [Fact]
    public void Evaluate_PoolsMarkets_WhenSeveralMarketsGiven()
    {
        var a = ShortfallLabels.Compute(Hours.WithShortfallAt(300, 100), Definition);
        var b = ShortfallLabels.Compute(Hours.WithShortfallAt(300, 200), Definition);

        var report = WarningEvaluator.Evaluate([Score(a, [90]), Score(b, [100]) with { Name = "b" }], Definition);

        Assert.Equal(2, report.Summary.Episodes);
        Assert.Equal(1, report.Summary.Detected);
        Assert.Equal(10, report.Summary.MedianLeadHours);
        Assert.Equal(["m", "b"], report.Markets.Select(m => m.Name));
        Assert.Equal(1.0, report.Markets[0].Summary.Recall);
        Assert.Equal(0.0, report.Markets[1].Summary.Recall);
    }

    [Fact]
    public void Evaluate_GivesBrierSkillOne_WhenProbabilitiesArePerfect()
    {
        var labels = ShortfallLabels.Compute(Hours.WithShortfallAt(300, 100), Definition);
        var n = labels.Times.Length;
        var p = labels.Target.Select(t => t == 1 ? 1.0 : 0.0).ToArray();
        var market = new ScoredMarket("m", labels, Enumerable.Repeat(true, n).ToArray(), p, new bool[n], Enumerable.Repeat(0.1, n).ToArray());

        var s = WarningEvaluator.Evaluate([market], Definition).Summary;

        Assert.Equal(1.0, s.BrierSkill, 12);
        Assert.Equal(1.0, s.AucPr, 12);
    }
}
