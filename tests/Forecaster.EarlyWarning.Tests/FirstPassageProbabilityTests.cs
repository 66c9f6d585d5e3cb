using Forecaster.Markets;
using Forecaster.Modeling.Features;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

/// <summary>
/// The first-passage probability on a simple random walk of x = −ln(1 − u) with steps of exactly ±σ: the EWMA
/// volatility is then σ at every hour, so the estimate can be checked against the reflection principle.
/// </summary>
public sealed class FirstPassageProbabilityTests
{
    private const double Sigma = 0.002;
    private const int Horizon = 24;

    /// <summary>x starts at 1.5 (u ≈ 0.78); 60,000 steps of ±0.002 wander about 0.5, far from u = 0 and u = 0.98.</summary>
    private static readonly Lazy<(MarketHour[] Hours, double LastX)> Walk = new(() => RandomWalk(60_000, seed: 3));

    private static (MarketHour[] Hours, double LastX) RandomWalk(int length, int seed)
    {
        var random = new Random(seed);
        var x = new double[length];
        x[0] = 1.5;
        for (var i = 1; i < length; i++) x[i] = x[i - 1] + (random.Next(2) == 0 ? -Sigma : Sigma);
        Assert.InRange(x.Min(), 0.2, 3.5); // the walk must stay away from both ends for σ to be exact
        Assert.InRange(x.Max(), 0.2, 3.5);
        var hours = Hours.FromUtilization(x.Select(v => 1 - Math.Exp(-v)).ToArray());
        return (hours, -Math.Log(1 - hours[^1].Utilization));
    }

    /// <summary>The shortfall level whose barrier lies <paramref name="steps"/> steps of σ above the walk's last value.</summary>
    private static double LevelAbove(double x, double steps) => 1 - Math.Exp(-(x + steps * Sigma));

    /// <summary>
    /// Reflection principle for a simple symmetric walk: P(max of S_1..S_n ≥ m) = P(S_n ≥ m) + P(S_n ≥ m + 1), m ≥ 1.
    /// </summary>
    private static double SimpleWalkHitProbability(int n, int m)
    {
        double AtLeast(int level)
        {
            // S_n = 2B − n with B ~ Binomial(n, 1/2).
            var total = 0.0;
            for (var b = 0; b <= n; b++)
                if (2 * b - n >= level) total += Math.Exp(LogChoose(n, b) - n * Math.Log(2));
            return total;
        }
        return AtLeast(m) + AtLeast(m + 1);
    }

    private static double LogChoose(int n, int k)
    {
        var sum = 0.0;
        for (var i = 1; i <= k; i++) sum += Math.Log(n - k + i) - Math.Log(i);
        return sum;
    }

    [Theory]
    [InlineData(2.5)]
    [InlineData(4.5)]
    [InlineData(6.5)]
    [InlineData(9.5)]
    public void Compute_MatchesTheReflectionPrinciple_OnARandomWalkOfKnownVolatility(double steps)
    {
        var (hours, lastX) = Walk.Value;

        var estimate = FirstPassageProbability.Compute(hours, LevelAbove(lastX, steps), Horizon)[^1];

        // The walk moves in whole steps, so reaching steps σ means a maximum of ⌈steps⌉ steps. About 60,000 overlapping
        // windows (some 2,500 independent days) give a standard error near 0.01.
        var exact = SimpleWalkHitProbability(Horizon, (int)Math.Ceiling(steps));
        Assert.InRange(estimate, exact - 0.025, exact + 0.025);
        // The Gaussian closed form 2Φ(−d / (σ√H)) watches the path continuously, so it overstates the chance of an
        // hourly walk; shifting the barrier by 0.5826 σ (Broadie, Glasserman and Kou's continuity correction for
        // discrete monitoring, β = −ζ(1/2)/√(2π)) brings it to the hourly chance.
        var continuous = FirstPassageProbability.ReflectionClosedForm(steps * Sigma, Sigma, Horizon);
        var corrected = FirstPassageProbability.ReflectionClosedForm((steps + 0.5826) * Sigma, Sigma, Horizon);
        Assert.InRange(estimate, corrected - 0.025, corrected + 0.025);
        Assert.True(estimate < continuous, $"hourly estimate {estimate} must lie below the continuous closed form {continuous}");
    }

    [Fact]
    public void Compute_IsOneAtTheBarrier_AndFallsWithDistance()
    {
        var (hours, lastX) = Walk.Value;
        var distances = new[] { -1.0, 0, 0.5, 1.5, 3.5, 6.5, 10.5, 16.5, 30.5 };

        var probabilities = distances.Select(d => FirstPassageProbability.Compute(hours, LevelAbove(lastX, d), Horizon)[^1]).ToArray();

        Assert.Equal(1.0, probabilities[0]);
        Assert.Equal(1.0, probabilities[1], 12);
        for (var k = 2; k < probabilities.Length; k++)
            Assert.True(probabilities[k] < probabilities[k - 1], $"P at {distances[k]} σ ({probabilities[k]}) must be below P at {distances[k - 1]} σ ({probabilities[k - 1]})");
        // 30 σ is beyond any 24-step walk: no past window rose that far.
        Assert.Equal(0.0, probabilities[^1]);
    }

    [Fact]
    public void Compute_UsesTheClosedForm_BeforeEnoughWindowsHaveClosed()
    {
        var (hours, _) = RandomWalk(FirstPassageProbability.MinimumWindows, seed: 5);
        var t = hours.Length - 1;
        var x = -Math.Log(1 - hours[t].Utilization);

        var estimate = FirstPassageProbability.Compute(hours, LevelAbove(x, 4.5), Horizon)[t];

        Assert.Equal(FirstPassageProbability.ReflectionClosedForm(4.5 * Sigma, Sigma, Horizon), estimate, 6);
    }

    [Theory]
    [InlineData(800)]
    [InlineData(5000)]
    public void Compute_KeepsEveryValueUpToT_WhenHoursAfterTAreShuffled(int t)
    {
        var (walk, _) = RandomWalk(8000, seed: 9);
        // Stale hours too: they are skipped by the volatility, which a peek past t would also disturb.
        var hours = walk.Select((h, i) => i % 7 == 3 ? h with { Quality = DataQuality.Stale, BorrowedUsd = walk[i - 1].BorrowedUsd } : h).ToArray();
        var random = new Random(t);
        var future = hours[(t + 1)..].Select(h => h.BorrowedUsd).OrderBy(_ => random.Next()).ToArray();
        var shuffled = hours.Select((h, i) => i <= t ? h : h with { BorrowedUsd = future[i - t - 1] }).ToArray();
        var level = LevelAbove(-Math.Log(1 - hours[t].Utilization), 4.5);

        var before = FirstPassageProbability.Compute(hours, level, Horizon);
        var after = FirstPassageProbability.Compute(shuffled, level, Horizon);

        Assert.Equal(before[..(t + 1)], after[..(t + 1)]);
        Assert.NotEqual(before[(t + 1)..], after[(t + 1)..]); // the shuffle changed what follows, so a peek would show
        Assert.InRange(before[t], 1e-6, 1 - 1e-6); // an informative value, not a clamp
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Compute_Throws_WhenTheShortfallLevelIsOutsideZeroToOne(double level)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FirstPassageProbability.Compute(Hours.FromUtilization([0.5, 0.6]), level, Horizon));
        Assert.Equal("shortfallUtilization", e.ParamName);
    }
}
