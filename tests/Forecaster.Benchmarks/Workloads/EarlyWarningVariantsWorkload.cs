using Forecaster.EarlyWarning;
using Forecaster.EarlyWarning.Calibration;
using Forecaster.Flows;
using Forecaster.Ingest.Prices;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Testing;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// Every early-warning learner variant on every split the issue asks for, so a choice of learner is made on all of
/// them and not on the four shared files alone: walk-forward on the four Aave v2 markets, the unseen market (fit USDC,
/// DAI, WETH; test USDT), simulated markets (fit 6 markets seed 11, test 4 markets seed 12, 540 days) and agent-simulated
/// markets with their holders (the same seeds, counts and length). The variants are <see cref="EarlyWarningVariants.All"/>.
/// </summary>
public sealed class EarlyWarningVariantsWorkload : IWorkload
{
    /// <summary>The stablecoins of the four markets; UST and FRAX are left out (UST stayed near $0.07 after May 2022, a permanent "depeg").</summary>
    private static readonly string[] Stablecoins = ["USDC", "USDT", "DAI"];

    private IReadOnlyList<MarketHistory> _markets = [];
    private MarketPrices? _prices;

    public string Name => "early-warning-variants";

    public string Description => "each early-warning learner on walk-forward Aave v2, unseen-market USDT and simulated train/test splits";

    public async Task SetupAsync()
    {
        _markets = await BacktestAaveV2Workload.LoadMarketsAsync();
        var folder = Path.Combine(SharedData.Root, "prices-hourly");
        _prices = new MarketPrices(ReadPrices(folder, "WETH"), Stablecoins.Select(s => ReadPrices(folder, s)).ToArray());
    }

    private static PriceSeries ReadPrices(string folder, string symbol)
    {
        var file = PriceCsvReader.Read(Path.Combine(folder, $"{symbol}_usd.csv.gz"));
        var observations = file.Observations.OrderBy(o => o.TimestampMs).ThenBy(o => o.Line).ToArray();
        return new PriceSeries(symbol, observations.Select(o => DateTimeOffset.FromUnixTimeMilliseconds(o.TimestampMs)).ToArray(), observations.Select(o => o.PriceUsd).ToArray());
    }

    public Task<(long Items, string Unit)> RunAsync()
    {
        // EW_VARIANTS=name,name runs only those variants (the full set takes minutes on a shared machine).
        var only = Environment.GetEnvironmentVariable("EW_VARIANTS")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var variants = EarlyWarningVariants.All.Where(v => only is null || only.Contains(v.Name)).ToArray();
        // EW_SPLITS=walk-forward,unseen,simulated,agents runs only those splits; EW_AGENT_TEST_SEED=n tests the agent
        // split on another seed (12 by default), to see whether a result on its few episodes holds.
        var splits = Environment.GetEnvironmentVariable("EW_SPLITS")?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        bool Runs(string split) => splits is null || splits.Contains(split);
        var agentTestSeed = int.TryParse(Environment.GetEnvironmentVariable("EW_AGENT_TEST_SEED"), out var seed) ? seed : 12;
        var simulatedTrain = Runs("simulated") ? Simulate(seed: 11, markets: 6) : [];
        var simulatedTest = Runs("simulated") ? Simulate(seed: 12, markets: 4) : [];
        var agentsTrain = Runs("agents") ? SimulateAgents(seed: 11, markets: 6) : [];
        var agentsTest = Runs("agents") ? SimulateAgents(agentTestSeed, markets: 4) : [];
        var backtests = 0L;
        foreach (var (name, model) in variants)
        {
            // The default's paired bootstrap against the rule is printed on every split; the others skip it (a second each).
            var options = new BacktestOptions
            {
                Model = model,
                Bootstrap = new BootstrapOptions { Resamples = name == EarlyWarningMethods.DefaultName ? BootstrapOptions.Defaults.Resamples : 0 },
                Recalibrate = name == EarlyWarningVariants.FoldPlatt,
            };
            // Simulated markets have no prices: there the price columns are missing throughout.
            var markets = name == EarlyWarningVariants.Prices ? _markets.Select(m => m with { Prices = _prices }).ToArray() : _markets;
            var seen = markets.Where(m => m.Name != "aave_v2_usdt").ToArray();
            var unseen = markets.Where(m => m.Name == "aave_v2_usdt").ToArray();
            if (Runs("walk-forward")) backtests += Report(name, "walk-forward aave-v2", EarlyWarningBacktest.WalkForward(markets, options));
            if (Runs("unseen")) backtests += Report(name, "unseen usdt", EarlyWarningBacktest.TrainTest(seen, unseen, options));
            if (Runs("simulated")) backtests += Report(name, "simulated", EarlyWarningBacktest.TrainTest(simulatedTrain, simulatedTest, options));
            if (Runs("agents")) backtests += Report(name, $"simulated agents {agentTestSeed}", EarlyWarningBacktest.TrainTest(agentsTrain, agentsTest, options));
        }
        return Task.FromResult((backtests, "backtests"));
    }

    /// <returns>1, the backtest reported.</returns>
    private static int Report(string variant, string split, BacktestResult result)
    {
        Console.WriteLine($"{variant,-18} {split,-21} model {Line(result.Model.Summary)}; {WhilePricesLast(result.Model)}");
        Console.WriteLine($"{"",-18} {"",-21} rule  {Line(result.ThresholdRule.Summary)}; {WhilePricesLast(result.ThresholdRule)}; MASE {result.Mase24h:0.###}, coverage90 {result.Coverage90:0.###}");
        if (result.Uncertainty is { } uncertainty)
            foreach (var line in WarningComparisonText.Lines(uncertainty)) Console.WriteLine($"{"",-18} {"",-21} {line}");
        var calibration = BacktestCalibration.Of(result.ModelScores, result.RuleScores);
        Console.WriteLine($"{"",-18} {"",-21} Brier terms: model {Terms(calibration.Model)}; rule {Terms(calibration.ThresholdRule)}");
        return 1;
    }

    private static string Terms(BrierDecomposition d) =>
        $"brier {d.Brier:0.#####} = rel {d.Reliability:0.#####} - res {d.Resolution:0.#####} + unc {d.Uncertainty:0.#####} + within-bin {d.Brier - d.BinnedBrier:0.#####}, ref {d.ReferenceBrier:0.#####} (shift {d.BaseRateShift:0.#####}), test rate {d.ObservedFrequency:0.#####}, training rate {d.MeanReference:0.#####}";

    /// <summary>Episodes detected up to the end of the shared price files, where the price features are known, and after.</summary>
    private static string WhilePricesLast(Forecaster.EarlyWarning.WarningReport report)
    {
        var pricesEnd = new DateTimeOffset(2023, 2, 25, 0, 0, 0, TimeSpan.Zero);
        var episodes = report.Markets.SelectMany(m => m.Episodes).ToArray();
        var before = episodes.Where(e => e.Start < pricesEnd).ToArray();
        var after = episodes.Where(e => e.Start >= pricesEnd).ToArray();
        return $"to 2023-02-25 detected {before.Count(e => e.Detected)}/{before.Length}, after {after.Count(e => e.Detected)}/{after.Length}";
    }

    private static string Line(Forecaster.EarlyWarning.WarningSummary s) =>
        $"episodes {s.Episodes}, detected {s.Detected}, recall {s.Recall:0.###}, lead {s.MedianLeadHours:0.#} h, alerts {s.AlertShare:0.###}, prec24h {s.Precision24h:0.###}, AUC-PR {s.AucPr:0.###}, Brier skill {s.BrierSkill:0.###}";

    private static IReadOnlyList<MarketHistory> Simulate(int seed, int markets) =>
        MarketSimulator.Run(new SimulationOptions { Markets = markets, Days = 540, Seed = seed })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();

    /// <summary>
    /// Agent-simulated markets with their holders: the market simulator above keeps no accounts, so the holder columns
    /// are tested here. Events are kept (which changes no hour) and only Supply and Withdraw, the ones that move a
    /// simulated balance (the simulator emits no aToken transfers, and its repayments and liquidations burn no deposits),
    /// are attached, to keep memory down. The agent simulator's amounts are USD.
    /// </summary>
    private static IReadOnlyList<MarketHistory> SimulateAgents(int seed, int markets) =>
        AgentSimulator.Run(new SimulationOptions { Markets = markets, Days = 540, Seed = seed }, new AgentBehaviour { KeepEvents = true })
            .Select(m => new MarketHistory(m.Market.Name, m.Hours)
            {
                Holders = new HolderFlows(m.Events.Where(e => e.Kind is FlowKind.Supply or FlowKind.Withdraw).ToArray()),
            }).ToArray();
}
