using Forecaster.EarlyWarning.Calibration;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>Fold-by-fold recalibration sees only outcomes known before each fold begins.</summary>
public sealed class FoldRecalibrationTests
{
    private static readonly ShortfallDefinition Definition = new();
    private static readonly TimeSpan Interval = TimeSpan.FromDays(10);
    private static readonly DateTimeOffset FirstCutoff = Hours.T0.AddDays(10);
    private const int Length = 24 * 120;

    /// <summary>A market whose every hour is evaluated, with a training base rate of 0.05.</summary>
    private static ScoredMarket Market(ShortfallLabels labels, double[] probability)
    {
        var n = labels.Times.Length;
        return new ScoredMarket("m", labels, Enumerable.Repeat(true, n).ToArray(), probability, new bool[n], Enumerable.Repeat(0.05, n).ToArray());
    }

    /// <summary>About one hour in 150 is a shortfall hour, drawn from the seed.</summary>
    private static int[] ShortfallHours(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Length).Where(_ => random.Next(150) == 0).ToArray();
    }

    private static double[] Probabilities(int[] shortfallHours)
    {
        var random = new Random(1);
        // High (0.3 to 0.9) in the 24 h before a shortfall, lower (0 to 0.6) elsewhere: informative but over-confident.
        var before = new HashSet<int>(shortfallHours.SelectMany(h => Enumerable.Range(h - 24, 24)));
        return Enumerable.Range(0, Length).Select(h => before.Contains(h) ? 0.3 + 0.6 * random.NextDouble() : 0.6 * random.NextDouble()).ToArray();
    }

    [Fact]
    public void Apply_LeavesEveryEarlierProbabilityUnchanged_WhenLaterOutcomesAreReplacedByGarbage()
    {
        var cutoff = 60 * 24; // a fold boundary: day 60
        var shortfalls = ShortfallHours(1);
        var probability = Probabilities(shortfalls);
        var original = ShortfallLabels.Compute(Hours.WithShortfallAt(Length, shortfalls), Definition);
        // From the cutoff on, other shortfalls: one 5 h after it (which flips the targets of the 19 hours before it,
        // whose windows were still open at the cutoff), then one every 10 hours.
        int[] garbage = [.. shortfalls.Where(h => h < cutoff), .. Enumerable.Range(0, (Length - cutoff) / 10).Select(k => cutoff + 5 + 10 * k).Where(h => h < Length)];
        var replaced = ShortfallLabels.Compute(Hours.WithShortfallAt(Length, garbage), Definition);

        var before = FoldRecalibration.Apply([Market(original, probability)], FirstCutoff, Interval, Definition.Horizon)[0].Probability;
        var after = FoldRecalibration.Apply([Market(replaced, probability)], FirstCutoff, Interval, Definition.Horizon)[0].Probability;

        // The fold that starts at the cutoff is fitted on outcomes known before it, so it is unchanged too.
        var foldEnd = cutoff + 10 * 24;
        for (var h = 0; h < foldEnd; h++) Assert.True(before[h].Equals(after[h]), $"hour {h}: {before[h]} became {after[h]}");
        // The test can fail: later folds do see the garbage.
        Assert.Contains(Enumerable.Range(foldEnd, Length - foldEnd), h => Math.Abs(before[h] - after[h]) > 1e-3);
    }

    [Fact]
    public void Apply_MovesOverConfidentProbabilitiesTowardTheObservedFrequency_AndLeavesTheFirstFoldAlone()
    {
        var shortfalls = ShortfallHours(2);
        var probability = Probabilities(shortfalls);
        var market = Market(ShortfallLabels.Compute(Hours.WithShortfallAt(Length, shortfalls), Definition), probability);

        var recalibrated = FoldRecalibration.Apply([market], FirstCutoff, Interval, Definition.Horizon)[0];

        // Before the first cutoff nothing is recalibrated, nor is the input array changed.
        Assert.Equal(probability[..(10 * 24)], recalibrated.Probability[..(10 * 24)]);
        Assert.Same(probability, market.Probability);
        var later = Enumerable.Range(60 * 24, Length - 60 * 24).Where(h => WarningEvaluator.IsScored(market, h)).ToArray();
        var raw = BrierDecomposer.Decompose(later.Select(h => probability[h]).ToArray(), later.Select(h => market.Labels.Target[h] == 1).ToArray(), later.Select(_ => 0.05).ToArray());
        var fixedUp = BrierDecomposer.Decompose(later.Select(h => recalibrated.Probability[h]).ToArray(), later.Select(h => market.Labels.Target[h] == 1).ToArray(), later.Select(_ => 0.05).ToArray());
        Assert.True(fixedUp.Reliability < raw.Reliability / 4, $"reliability {raw.Reliability} became {fixedUp.Reliability}");
        Assert.True(fixedUp.Brier < raw.Brier, $"Brier {raw.Brier} became {fixedUp.Brier}");
    }
}
