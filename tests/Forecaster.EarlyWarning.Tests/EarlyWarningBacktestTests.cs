using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Simulation;
using Xunit;

namespace Forecaster.EarlyWarning.Tests;

public sealed class EarlyWarningBacktestTests
{
    private static readonly DateTimeOffset UsdtCrisis = new(2022, 6, 18, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WalkForward_FindsAndWarnsOfThe2022UsdtEpisode_WhenRunOnSharedAaveV2()
    {
        var markets = SnapshotMarkets.AaveV2Markets();

        var result = EarlyWarningBacktest.WalkForward(markets, new BacktestOptions(), cancellationToken: TestContext.Current.CancellationToken);

        var usdt = result.Model.Markets.Single(m => m.Name == "aave_v2_usdt");
        // The episode is found and evaluated (whether it is detected is reported, not asserted: it is a goal, not a correctness property).
        Assert.Single(usdt.Episodes, e => e.Start == UsdtCrisis);
        // The rule and the model are evaluated on the same episodes.
        Assert.Equal(result.Model.Summary.Episodes, result.ThresholdRule.Summary.Episodes);
        Assert.InRange(result.Model.Summary.AlertShare, 0, 0.06);
        // The forecaster falls back to persistence when it loses on the holdout, so it must not do much worse than persistence.
        Assert.True(result.Mase24h <= 1.05, $"MASE {result.Mase24h}");
        Assert.InRange(result.Coverage90, 0.8, 0.98);
        // The paired bootstrap's point values are the table's, and its blocks are the four markets' 30-day folds.
        var u = result.Uncertainty!;
        Assert.Equal(result.Model.Summary.Recall, u.Recall.Model);
        Assert.Equal(result.ThresholdRule.Summary.AucPr, u.AucPr.Rule);
        Assert.Equal(result.Model.Summary.BrierSkill - result.ThresholdRule.Summary.BrierSkill, u.BrierSkill.Difference, 12);
        Assert.InRange(u.Blocks, 4 * 40, result.Refits * 4);
        Assert.All(u.Measures(), m => Assert.True(m.Measure.DifferenceInterval.Lower <= m.Measure.Difference && m.Measure.Difference <= m.Measure.DifferenceInterval.Upper, $"{m.Name}: {m.Measure}"));
        TestContext.Current.SendDiagnosticMessage($"model {result.Model.Summary}; rule {result.ThresholdRule.Summary}; mase {result.Mase24h}; coverage {result.Coverage90}");
    }

    /// <summary>
    /// The goals, kept as a test that fails today: the logistic model beats the threshold rule on AUC-PR
    /// (0.17 vs 0.05) but not on recall (0.56 vs 0.67) and its Brier skill is 0.11, not 0.2 (README, Early warning). Explicit, so CI does not run it; run it with <c>-explicit only</c>
    /// when a challenger is trained, and make it a plain fact once a model meets it.
    /// </summary>
    [Fact(Explicit = true)]
    public void WalkForward_BeatsTheThresholdRuleAndTheBaseRate_OnSharedAaveV2()
    {
        var result = EarlyWarningBacktest.WalkForward(SnapshotMarkets.AaveV2Markets(), new BacktestOptions(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Model.Summary.Recall >= result.ThresholdRule.Summary.Recall, $"model recall {result.Model.Summary.Recall} < rule {result.ThresholdRule.Summary.Recall}");
        Assert.True(result.Model.Summary.AucPr > result.ThresholdRule.Summary.AucPr, $"model AUC-PR {result.Model.Summary.AucPr} <= rule {result.ThresholdRule.Summary.AucPr}");
        Assert.True(result.Model.Summary.BrierSkill > 0.2, $"Brier skill {result.Model.Summary.BrierSkill} below the goal of 0.2");
    }

    [Fact]
    public void WalkForward_BeatsBaseRateOnHeldOutSimulatedMarkets_WhenTrainedOnOtherSimulatedMarkets()
    {
        var train = Simulate(seed: 11, markets: 6);
        var test = Simulate(seed: 12, markets: 4);

        var result = EarlyWarningBacktest.TrainTest(train, test, new BacktestOptions());

        Assert.True(result.Model.Summary.Episodes > 0, "the simulator produced no shortfall episode to test on");
        Assert.True(result.Model.Summary.AucPr > 0, "AUC-PR must be defined");
        TestContext.Current.SendDiagnosticMessage($"model {result.Model.Summary}; rule {result.ThresholdRule.Summary}; mase {result.Mase24h}; coverage {result.Coverage90}");
    }

    private static IReadOnlyList<MarketHistory> Simulate(int seed, int markets) =>
        MarketSimulator.Run(new SimulationOptions { Markets = markets, Days = 540, Seed = seed })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();
}
