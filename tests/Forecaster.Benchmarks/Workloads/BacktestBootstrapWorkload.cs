using System.Diagnostics;
using Forecaster.EarlyWarning;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// The paired block bootstrap of the default model against the threshold rule, on the walk-forward over the four shared
/// Aave v2 markets and on the unseen-market split (fit USDC, DAI, WETH; test USDT); the backtests themselves run in setup.
/// Measures the cost of one bootstrap at the default count, and how much the 90% interval's ends move between seeds at
/// several counts (the standard deviation over <see cref="Seeds"/> seeds), the figure the default count is chosen on.
/// BOOTSTRAP_SPLITS=walk-forward,unseen and BOOTSTRAP_COUNTS=250,500 narrow it. BOOTSTRAP_VERSUS=every-hour,hazard-1h
/// also runs those variants' walk-forwards and bootstraps the default against each on the same hours (paired, as against
/// the rule), to say whether a move between variants is more than resampling does.
/// </summary>
public sealed class BacktestBootstrapWorkload : IWorkload
{
    private const int Seeds = 10;
    private readonly List<(string Split, BacktestResult Result)> _results = [];
    private readonly List<(string Variant, BacktestResult Result)> _versus = [];

    /// <summary>Variants the default can be bootstrapped against (README, Early warning).</summary>
    private static readonly Dictionary<string, EarlyWarningModelOptions> Variants = new()
    {
        ["every-hour"] = new EarlyWarningModelOptions { RowStride = 1 },
        ["hazard-1h"] = new EarlyWarningModelOptions { RankingHorizonHours = 1 },
    };

    public string Name => "backtest-bootstrap";

    public string Description => "paired block bootstrap (model vs rule) on walk-forward Aave v2 and unseen USDT: cost, and interval stability by resample count";

    public async Task SetupAsync()
    {
        var markets = await BacktestAaveV2Workload.LoadMarketsAsync();
        var options = new BacktestOptions { Bootstrap = new BootstrapOptions { Resamples = 0 } };
        var splits = Environment.GetEnvironmentVariable("BOOTSTRAP_SPLITS")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? ["walk-forward", "unseen"];
        if (splits.Contains("walk-forward")) _results.Add(("walk-forward aave-v2", EarlyWarningBacktest.WalkForward(markets, options)));
        if (splits.Contains("unseen"))
            _results.Add(("unseen usdt", EarlyWarningBacktest.TrainTest(markets.Where(m => m.Name != "aave_v2_usdt").ToArray(), markets.Where(m => m.Name == "aave_v2_usdt").ToArray(), options)));
        foreach (var variant in Environment.GetEnvironmentVariable("BOOTSTRAP_VERSUS")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [])
            _versus.Add((variant, EarlyWarningBacktest.WalkForward(markets, options with { Model = Variants[variant] })));
    }

    public Task<(long Items, string Unit)> RunAsync()
    {
        var counts = Environment.GetEnvironmentVariable("BOOTSTRAP_COUNTS")?.Split(',').Select(int.Parse).ToArray() ?? [250, 500, 1000, 2000, 4000];
        long resamples = 0;
        foreach (var (split, result) in _results)
        {
            var defaults = new BootstrapOptions();
            var cpu = ThreadCpuClock.Now();
            var wall = Stopwatch.StartNew();
            var comparison = WarningBootstrap.Compare(result.ModelScores, result.RuleScores, new ShortfallDefinition(), defaults);
            Console.WriteLine($"{split}: one bootstrap of {defaults.Resamples} resamples took {wall.Elapsed.TotalSeconds:0.00} s wall, {(ThreadCpuClock.Now() - cpu).TotalSeconds:0.00} s CPU");
            foreach (var line in WarningComparisonText.Lines(comparison)) Console.WriteLine("  " + line);
            resamples += defaults.Resamples;
            // Other blocks, to see how much the choice matters: all markets together (crises that strike several
            // markets in the same weeks drawn together), a week and a quarter.
            foreach (var other in new[] { defaults with { BlockSpansMarkets = true }, defaults with { BlockLength = TimeSpan.FromDays(7) }, defaults with { BlockLength = TimeSpan.FromDays(90) } })
            {
                foreach (var line in WarningComparisonText.Lines(WarningBootstrap.Compare(result.ModelScores, result.RuleScores, new ShortfallDefinition(), other))) Console.WriteLine("  " + line);
                resamples += other.Resamples;
            }
            foreach (var count in counts) resamples += Stability(split, defaults with { Resamples = count }, result);
        }
        var walkForward = _results.FirstOrDefault(r => r.Split.StartsWith("walk-forward", StringComparison.Ordinal)).Result;
        foreach (var (variant, result) in _versus)
        {
            if (walkForward is null) throw new InvalidOperationException("BOOTSTRAP_VERSUS needs the walk-forward split.");
            var comparison = WarningBootstrap.Compare(walkForward.ModelScores, result.ModelScores, new ShortfallDefinition(), new BootstrapOptions());
            Console.WriteLine($"walk-forward aave-v2: the default against {variant}");
            foreach (var line in WarningComparisonText.Lines(comparison, "default", variant)) Console.WriteLine("  " + line);
            resamples += comparison.Resamples;
        }
        return Task.FromResult((resamples, "resamples"));
    }

    /// <summary>Prints the largest standard deviation, over seeds, of any interval end of each measure; returns the resamples drawn.</summary>
    private static long Stability(string split, BootstrapOptions options, BacktestResult result)
    {
        var comparisons = Enumerable.Range(1, Seeds)
            .Select(seed => WarningBootstrap.Compare(result.ModelScores, result.RuleScores, new ShortfallDefinition(), options with { Seed = seed }))
            .ToArray();
        var spread = comparisons[0].Measures().Select((m, k) =>
        {
            var ends = comparisons.Select(c => c.Measures().ElementAt(k).Measure)
                .SelectMany(p => new[] { p.ModelInterval, p.RuleInterval, p.DifferenceInterval })
                .ToArray();
            // Six ends per seed (model, rule, difference; lower and upper): the largest of their six standard deviations.
            var worst = Enumerable.Range(0, 6).Max(e => StandardDeviation(Enumerable.Range(0, Seeds).Select(s => e % 2 == 0 ? ends[s * 3 + e / 2].Lower : ends[s * 3 + e / 2].Upper)));
            return $"{m.Name} {worst:0.0000}";
        });
        Console.WriteLine($"  {split}, {(options.BlockSpansMarkets ? "all markets" : "one market")} blocks, {options.Resamples,5} resamples: largest sd of an interval end over {Seeds} seeds: {string.Join(", ", spread)}");
        return (long)options.Resamples * Seeds;
    }

    private static double StandardDeviation(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length < 2) return double.NaN;
        var mean = v.Average();
        return Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1));
    }
}
