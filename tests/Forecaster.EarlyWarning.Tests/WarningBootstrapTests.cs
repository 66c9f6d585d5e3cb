using Xunit;
using static Forecaster.EarlyWarning.Tests.BootstrapMarkets;

namespace Forecaster.EarlyWarning.Tests;

public sealed class WarningBootstrapTests
{
    [Fact]
    public void Compare_GivesZeroWidthIntervals_WhenEveryBlockIsIdentical()
    {
        var labels = Labels(5);
        var model = Side(labels, _ => EpisodeOffset - 30, HighBefore(EpisodeOffset - 30));
        var rule = Side(labels, _ => EpisodeOffset - 10, (_, o) => o >= 100 && o < EpisodeOffset ? 0.25 : 0.125);

        var c = WarningBootstrap.Compare([model], [rule], Definition, Options);

        Assert.Equal(5, c.Blocks);
        foreach (var (name, m) in c.Measures())
        {
            Assert.True(m.ModelInterval.Lower == m.ModelInterval.Upper, $"{name}: model {m.ModelInterval}");
            Assert.True(m.RuleInterval.Lower == m.RuleInterval.Upper, $"{name}: rule {m.RuleInterval}");
            Assert.True(m.DifferenceInterval.Lower == m.DifferenceInterval.Upper, $"{name}: difference {m.DifferenceInterval}");
            Assert.Equal(m.Model, m.ModelInterval.Lower, 12);
            Assert.Equal(m.Rule, m.RuleInterval.Lower, 12);
            Assert.Equal(Options.Resamples, m.Defined);
        }
        Assert.Equal(30, c.MedianLeadHours.Model);
        Assert.Equal(20, c.MedianLeadHours.DifferenceInterval.Lower);
    }

    [Fact]
    public void Draw_GivesRecallOnlyZeroHalfOrOne_WhenTwoEpisodesLieInTwoBlocks()
    {
        // Block 0's episode is detected (alert 10 h before), block 1's is missed.
        var labels = Labels(2);
        var model = Side(labels, b => b == 0 ? EpisodeOffset - 10 : null, HighBefore());

        var draws = WarningBootstrap.Draw([model], [model], Definition, Options with { Resamples = 4000 });

        Assert.All(draws.Model.Recall, r => Assert.Contains(r, new[] { 0, 0.5, 1 }));
        // Two blocks drawn twice: both (1/4), one of each (1/2), the other twice (1/4).
        Assert.Equal(0.25, draws.Model.Recall.Count(r => r == 1) / 4000.0, 0.04);
        Assert.Equal(0.5, draws.Model.Recall.Count(r => r == 0.5) / 4000.0, 0.04);
        Assert.Equal(0.25, draws.Model.Recall.Count(r => r == 0) / 4000.0, 0.04);
    }

    [Fact]
    public void Compare_GivesExactlyZeroDifferences_WhenModelAndRuleAlertAlike()
    {
        // Blocks differ (detected or not, leads 10 to 50 h, probabilities by block), so each side's own interval is wide;
        // paired on the same blocks, every difference is still exactly zero.
        var labels = Labels(8);
        Func<int, int?> alerts = b => b % 3 == 2 ? null : EpisodeOffset - 10 - 5 * b;
        Func<int, int, double> probability = (b, o) => o >= EpisodeOffset - 24 - 4 * b && o < EpisodeOffset ? 0.5 : b % 2 == 0 ? 0.125 : 0.25;
        var model = Side(labels, alerts, probability);
        var rule = Side(labels, alerts, probability);

        var draws = WarningBootstrap.Draw([model], [rule], Definition, Options);
        var c = WarningBootstrap.Compare([model], [rule], Definition, Options);

        foreach (var (name, m) in c.Measures())
        {
            Assert.True(m.ModelInterval.Upper > m.ModelInterval.Lower, $"{name}: the resamples should vary, {m.ModelInterval}");
            Assert.Equal(new BootstrapInterval(0, 0), m.DifferenceInterval);
            Assert.Equal(0, m.ModelBeatsShare);
        }
        Assert.Equal(draws.Model.Recall, draws.Rule.Recall);
        Assert.Equal(draws.Model.AucPr, draws.Rule.AucPr);
        Assert.Equal(draws.Model.BrierSkill, draws.Rule.BrierSkill);
    }

    [Fact]
    public void Draw_RepeatsExactly_WhenSeedIsTheSame()
    {
        var labels = Labels(8);
        var model = Side(labels, b => b % 2 == 0 ? EpisodeOffset - 5 * (b + 1) : null, (b, o) => o >= 100 + b ? 0.5 : 0.125);
        var rule = Side(labels, b => b % 3 == 0 ? EpisodeOffset - 3 : null, (b, o) => o >= 120 - b ? 0.25 : 0.125);

        var first = WarningBootstrap.Draw([model], [rule], Definition, Options);
        var again = WarningBootstrap.Draw([model], [rule], Definition, Options);
        var other = WarningBootstrap.Draw([model], [rule], Definition, Options with { Seed = Options.Seed + 1 });

        Assert.Equal(first.Model.Recall, again.Model.Recall);
        Assert.Equal(first.Model.MedianLeadHours, again.Model.MedianLeadHours);
        Assert.Equal(first.Model.AucPr, again.Model.AucPr);
        Assert.Equal(first.Rule.BrierSkill, again.Rule.BrierSkill);
        Assert.NotEqual(first.Model.AucPr, other.Model.AucPr);
    }

    [Fact]
    public void Compare_GivesDifferenceIntervalsAboveZero_WhenTheModelBeatsTheRuleInEveryBlock()
    {
        // The model detects every episode 20 to 45 h ahead and ranks exactly the 24 positive hours first; the rule
        // detects one episode in three, 5 h ahead, and puts its higher probability on hours far from any episode.
        var labels = Labels(6);
        var model = Side(labels, b => EpisodeOffset - 20 - 5 * b, HighBefore());
        var rule = Side(labels, b => b % 3 == 0 ? EpisodeOffset - 5 : null, (_, o) => o < 24 ? 0.25 : 0.125);

        var c = WarningBootstrap.Compare([model], [rule], Definition, Options);

        foreach (var (name, m) in c.Measures())
        {
            Assert.True(m.DifferenceInterval.Lower > 0, $"{name}: difference {m.DifferenceInterval}");
            Assert.True(m.DifferenceInterval.ExcludesZero);
            Assert.True(m.ModelBeatsShare > 0.95, $"{name}: model wins {m.ModelBeatsShare}");
        }
        Assert.Equal(1.0, c.AucPr.ModelBeatsShare);
        // The rule's median lead is undefined in draws without a detecting block ((2/3)^6 of them, about 9%).
        Assert.InRange(c.MedianLeadHours.Defined, 1600, 1900);
    }

    [Fact]
    public void Compare_Throws_WhenTheSidesScoreDifferentMarkets()
    {
        var model = Side(Labels(2), _ => null, HighBefore());
        var rule = Side(Labels(3), _ => null, HighBefore());

        var e = Assert.Throws<ArgumentException>(() => WarningBootstrap.Compare([model], [rule], Definition, Options));

        Assert.Equal("rule", e.ParamName);
        Assert.Contains("same hours", e.Message);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public void Validate_Throws_WhenResamplesAreOutOfRange(int resamples)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BootstrapOptions { Resamples = resamples }.Validate());
        Assert.Equal(nameof(BootstrapOptions.Resamples), e.ParamName);
    }

    [Fact]
    public void Validate_Throws_WhenBlockLengthIsNotWholeHours()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BootstrapOptions { BlockLength = TimeSpan.FromMinutes(90) }.Validate());
        Assert.Equal(nameof(BootstrapOptions.BlockLength), e.ParamName);
    }

    [Fact]
    public void Of_TakesNearestRankPercentilesOfFiniteValues()
    {
        var values = Enumerable.Range(1, 100).Select(v => (double)v).Append(double.NaN).Reverse();

        Assert.Equal(new BootstrapInterval(5, 95), BootstrapInterval.Of(values));
        Assert.True(double.IsNaN(BootstrapInterval.Of([double.NaN]).Lower));
    }
}
