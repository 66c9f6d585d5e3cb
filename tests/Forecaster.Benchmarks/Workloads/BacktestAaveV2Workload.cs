using Forecaster.Ingest.Snapshots;
using Forecaster.Modeling.EarlyWarning;
using Forecaster.Modeling.Features;
using Forecaster.Testing;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// The issue-4 walk-forward backtest over the four shared Aave v2 markets with default options: features, labels,
/// a classifier and a liquidity forecaster refit every 30 days, threshold rule, evaluation and its paired bootstrap.
/// Target: under 60 s on 2 cores.
/// </summary>
public sealed class BacktestAaveV2Workload : IWorkload
{
    private IReadOnlyList<MarketHistory> _markets = [];

    public string Name => "backtest-aave-v2";

    public string Description => "walk-forward shortfall early-warning backtest over the four aave-v2-hourly markets (30-day refits)";

    public async Task SetupAsync() => _markets = await LoadMarketsAsync();

    /// <summary>The four shared Aave v2 markets, read and cleaned the way the backtest command reads them.</summary>
    internal static async Task<IReadOnlyList<MarketHistory>> LoadMarketsAsync()
    {
        var folder = Path.Combine(SharedData.Root, "aave-v2-hourly");
        var files = Directory.GetFiles(folder, "*.csv.gz").Order(StringComparer.Ordinal).ToArray();
        return (await SnapshotFileLoader.LoadAsync(files)).Select(m => new MarketHistory(m.Market.Name, m.Hours)).ToArray();
    }

    public Task<(long Items, string Unit)> RunAsync()
    {
        var result = EarlyWarningBacktest.WalkForward(_markets, new BacktestOptions());
        var s = result.Model.Summary;
        var r = result.ThresholdRule.Summary;
        Console.WriteLine($"{result.Refits} refits, {s.Episodes} episodes; model detected {s.Detected}, recall {s.Recall:0.###}, lead {s.MedianLeadHours} h, alerts {s.AlertShare:0.###}, prec24h {s.Precision24h:0.###}, AUC-PR {s.AucPr:0.###}, Brier skill {s.BrierSkill:0.###}");
        Console.WriteLine($"rule detected {r.Detected}, recall {r.Recall:0.###}, lead {r.MedianLeadHours} h, alerts {r.AlertShare:0.###}, prec24h {r.Precision24h:0.###}, AUC-PR {r.AucPr:0.###}, Brier skill {r.BrierSkill:0.###}; 24 h liquidity MASE {result.Mase24h:0.###}, coverage90 {result.Coverage90:0.###}");
        if (result.Uncertainty is { } uncertainty)
            foreach (var line in Forecaster.EarlyWarning.WarningComparisonText.Lines(uncertainty)) Console.WriteLine(line);
        foreach (var market in result.Model.Markets)
            Console.WriteLine($"  {market.Name}: " + string.Join(", ", market.Episodes.Select(e => $"{e.Start:yyyy-MM-dd HH}h {(e.Detected ? $"lead {e.LeadHours}" : "missed")}")));
        return Task.FromResult((_markets.Sum(m => (long)m.Hours.Count), "market-hours"));
    }
}
