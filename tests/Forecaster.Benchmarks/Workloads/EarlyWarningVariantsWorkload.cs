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
/// markets with their holders (the same seeds, counts and length).
/// </summary>
public sealed class EarlyWarningVariantsWorkload : IWorkload
{
    // Declared before the variants that read it: static fields initialise in text order.
    private static readonly string[] HolderColumns = ["holders_top1_share", "holders_top5_share", "log_liquidity_over_largest_holder"];

    private static readonly string[] HolderTrendColumns =
        ["holders_top1_share_minus_median_30d", "log_liquidity_over_largest_holder_change_24h", "log_liquidity_over_largest_holder_minus_median_30d"];

    private static readonly (string Name, EarlyWarningModelOptions Options)[] Variants =
    [
        // The default plus the largest USDC/USDT/DAI distance from $1, ETH's 24 h return and drawdown from its week
        // high, and a flag for hours without prices (the shared prices end 2023-02-25). Run on markets given prices.
        (PricesVariant, new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, "stablecoin_depeg_max", "eth_return_24h", "eth_drawdown_168h", "prices_missing"],
        }),
        ("trees", new EarlyWarningModelOptions { Learner = ShortfallLearner.GradientBoostedTrees }),
        // Few leaves and many rows per leaf: a leaf must hold several crises' worth of rows, not one crisis hour by hour.
        ("trees-regularised", new EarlyWarningModelOptions { Learner = ShortfallLearner.GradientBoostedTrees, Leaves = 4, MinimumRowsPerLeaf = 400, Trees = 100, LearningRate = 0.05 }),
        // The default: the threshold rule's signal, how fast utilization moves toward the level, how unusual this
        // hour's deposit outflow is (IID spike detector), the other markets.
        ("logistic", new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic }),
        // The default refit on the earlier 75% of training rows and Platt-recalibrated on the latest 25%, where the
        // threshold is also chosen: probabilities follow the recent base rate (Brier skill is the weakest figure).
        ("logistic-recalibrated", new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RecalibrateOnHoldout = true }),
        // The default without the anomaly score, to measure what the time-series component adds.
        ("logistic-no-anomaly", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures = ["log_gap_to_full", "log_gap_to_full_max_24h", "shortfall_distance_z", "util_change_24h", "others_util_max"],
        }),
        // Adds deposit flight, the largest outflow, the rate regime and liquidity over the worst recent outflow.
        ("logistic-wide", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures =
            [
                "log_gap_to_full", "log_gap_to_full_max_24h", "shortfall_distance_z", "util_change_24h", "deposit_change_24h",
                "largest_outflow_24h", "rate_slope_regime", "log_liquidity_over_worst_outflow", "others_util_max",
            ],
        }),
        // The default plus where utilization sits against the market's own kink and how long it has stayed above it.
        ("logistic-kink", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, "util_minus_kink", "hours_above_kink_72h"],
        }),
        // The default plus only the persistence of stress: hours above the kink in the last 72 h and since it was last below it.
        ("logistic-persistence", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, "hours_above_kink_72h", "hours_since_below_kink"],
        }),
        // The default plus available liquidity over the ES99 of the next day's outflow at today's volatility.
        ("logistic-outflow", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, "log_liquidity_over_outflow_es99"],
        }),
        ("logistic-kink-outflow", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, "util_minus_kink", "hours_above_kink_72h", "log_liquidity_over_outflow_es99"],
        }),
        // Ranks hours by a model of shortfall within 72 h (the detection window), then maps that score to the 24 h
        // target's probability with Platt on the training rows' 24 h targets: alerts favour hours more than a day ahead.
        ("logistic-rank72", new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 72 }),
        // The default plus utilization against the market's own last 90 days (rank, gap to the peak) and how long ago
        // its last shortfall was: scales that transfer to a market the model has not seen.
        ("logistic-relative", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, "util_rank_90d", "util_gap_to_max_90d", "log_hours_since_shortfall"],
        }),
        // A structural view with no fitting: the share of the market's own past standardised rises of −ln(1 − u) over
        // the horizon that would reach the shortfall line from here at today's volatility (filtered historical
        // simulation). Only the alert threshold is chosen on training hours.
        ("first-passage", new EarlyWarningModelOptions { Learner = ShortfallLearner.FirstPassage }),
        // The same score Platt-calibrated on training hours (a logistic model on its logit alone): monotone, so the same
        // alerts, recall and lead; only the probability, hence Brier skill, changes.
        ("first-passage-platt", new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, LogisticFeatures = ["first_passage_logit"] }),
        // The default plus that probability on the logit scale, where a logistic model adds evidence.
        ("logistic-first-passage", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, "first_passage_logit"],
        }),
        // A discrete-time hazard: the default's features rank hours by the chance of a shortfall in the next hour, and
        // Platt maps that score to the 24 h target. Under a constant hazard, compounding 1 − (1 − h)^24 would be the map;
        // either is monotone, so the alerts (hence recall and lead) are the same and only the calibration differs.
        ("logistic-hazard-1h", new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 1 }),
        // The hazard model given the first-passage probability as a seventh feature (both of this structural family).
        ("logistic-hazard-1h-first-passage", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            RankingHorizonHours = 1,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, "first_passage_logit"],
        }),
        // An onset ranker: the default's features rank hours by "an episode starts within 72 h" (the detection window,
        // from the metric's definition), learning only from hours outside an episode's tail; Platt maps the score to
        // the 24 h target. The default's features are also the 1 h hazard's, so there is no second feature set.
        ("logistic-onset72", new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 72, RankOnOnsets = true }),
        // The same with the window equal to the target's horizon, for comparison.
        ("logistic-onset24", new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 24, RankOnOnsets = true }),
        // The default plus who holds the deposits: the largest and five largest holders' shares and ln(available
        // liquidity / the largest holder's deposits). Only markets with account-level flows know them (the agent split).
        .. DefaultAndHazardPlus("holders", HolderColumns),
        // The same holders measured against the market's own past (a market always concentrated reads as normal): the
        // largest holder's share and the coverage against their trailing 30-day medians, and the coverage's 24 h change.
        .. DefaultAndHazardPlus("holder-trends", HolderTrendColumns),
        // Half the budget to the model, the rest to the threshold rule's utilization level; alert on either.
        // The default with its probabilities Platt-recalibrated fold by fold on the outcomes earlier folds made known
        // (BacktestOptions.Recalibrate; in a train/test split, 30-day folds of the test period): the backtest's own
        // out-of-sample errors, where "logistic-recalibrated" uses a holdout of the training rows.
        (FoldPlattVariant, new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic }),
        ("logistic-plus-rule", new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RuleShareOfBudget = 0.5 }),
        ("logistic-rank72-plus-rule", new EarlyWarningModelOptions { Learner = ShortfallLearner.Logistic, RankingHorizonHours = 72, RuleShareOfBudget = 0.5 }),
    ];

    /// <summary>"logistic-{suffix}" and "logistic-hazard-1h-{suffix}": the default and the 1 h hazard, each with <paramref name="columns"/> added.</summary>
    private static (string Name, EarlyWarningModelOptions Options)[] DefaultAndHazardPlus(string suffix, string[] columns) =>
    [
        ($"logistic-{suffix}", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, .. columns],
        }),
        ($"logistic-hazard-1h-{suffix}", new EarlyWarningModelOptions
        {
            Learner = ShortfallLearner.Logistic,
            RankingHorizonHours = 1,
            LogisticFeatures = [.. ShortfallFeatureBuilder.LogisticNames, .. columns],
        }),
    ];

    private const string PricesVariant = "logistic-prices";

    private const string DefaultVariant = "logistic";

    private const string FoldPlattVariant = "logistic-fold-platt";

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
        var variants = Variants.Where(v => only is null || only.Contains(v.Name)).ToArray();
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
                Bootstrap = new BootstrapOptions { Resamples = name == DefaultVariant ? BootstrapOptions.Defaults.Resamples : 0 },
                Recalibrate = name == FoldPlattVariant,
            };
            // Simulated markets have no prices: there the price columns are missing throughout.
            var markets = name == PricesVariant ? _markets.Select(m => m with { Prices = _prices }).ToArray() : _markets;
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
