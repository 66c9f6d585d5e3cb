using Forecaster.Ingest.Snapshots;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Testing;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// The issue-4 walk-forward backtest over the four shared Aave v2 markets with default options: features, labels,
/// a classifier and a liquidity forecaster refit every 30 days, threshold rule, evaluation. Target: under 60 s on 2 cores.
/// </summary>
public sealed class BacktestAaveV2Workload : IWorkload
{
    private IReadOnlyList<MarketHistory> _markets = [];

    public string Name => "backtest-aave-v2";

    public string Description => "walk-forward shortfall early-warning backtest over the four aave-v2-hourly markets (30-day refits)";

    public async Task SetupAsync()
    {
        var folder = Path.Combine(SharedData.Root, "aave-v2-hourly");
        var files = Directory.GetFiles(folder, "*.csv.gz").Order(StringComparer.Ordinal).ToArray();
        _markets = (await SnapshotFileLoader.LoadAsync(files)).Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();
    }

    public Task<(long Items, string Unit)> RunAsync()
    {
        var result = EarlyWarningBacktest.WalkForward(_markets, new BacktestOptions());
        var s = result.Model.Summary;
        Console.WriteLine($"{result.Refits} refits; model recall {s.Recall:0.###}, lead {s.MedianLeadHours} h, AUC-PR {s.AucPr:0.###}, Brier skill {s.BrierSkill:0.###}");
        return Task.FromResult((_markets.Sum(m => (long)m.Hours.Count), "market-hours"));
    }
}
