using Forecaster.Pipeline;
using Forecaster.Recommend;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// The concentration basis measured where holders are known: agent-simulated markets (3 behaviours x seeds 11-13 x 6 markets
/// x 730 days), replayed in process with each market's events streamed from the simulator into the holders' pass (weekly samples; moderate, or the profile named by the environment variable
/// FORECASTER_PROFILE). One replay gives both bases: the current
/// rule's buffer is the concentration target before its holders' term (<see cref="ReserveTarget.BufferBeforeHoldersUsd"/>).
/// </summary>
public sealed class ReplayConcentrationWorkload : IWorkload
{
    private static readonly int[] Seeds = [11, 12, 13];

    public string Name => "replay-concentration";

    public string Description => "replay --basis concentration on simulated markets with their holders: calm/default/turbulent x seeds 11-13 x 6 markets x 730 days";

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var profile = Environment.GetEnvironmentVariable("FORECASTER_PROFILE") is { Length: > 0 } p ? Enum.Parse<RiskAppetite>(p, ignoreCase: true) : RiskAppetite.Moderate;
        Console.WriteLine($"profile {profile}: covers the {ReserveTargetPolicy.For(profile).LargestHolders} largest holders");
        var all = new List<ReplayResult>();
        foreach (var (name, behaviour) in AgentBehaviour.Named.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            var results = new List<ReplayResult>();
            foreach (var seed in Seeds)
            {
                var options = new SimulationOptions { Markets = 6, Days = 730, Seed = seed };
                var markets = AgentSimulator.Run(options, behaviour);
                var names = markets.Select(m => m.Market.Name).ToList();
                // The holders' pass reads one market's events at a time, as the simulator produces them again: a market's events
                // are never held, let alone every market's.
                var flows = AccountFlows.From(names, market => AgentSimulator.StreamMarket(options, behaviour, names.IndexOf(market)).SelectMany(h => h.Events));
                results.Add(await ReplayService.RunAsync(markets.Select(m => (m.Market, m.Hours)).ToList(), profile,
                    basis: ReplayBasis.Named["concentration"], accountFlows: flows));
            }
            Print(name, results, profile);
            all.AddRange(results);
        }
        Print("all", all, profile);
        return ((long)all.Sum(r => r.Samples.Count), "market-days");
    }

    private static void Print(string label, List<ReplayResult> results, RiskAppetite profile)
    {
        var day = results.SelectMany(r => r.Episodes).Where(e => e.HoursBefore == 24).ToList();
        var samples = results.SelectMany(r => r.Samples).ToList();
        static double Before(ReserveTarget? t, double buffer) => t?.BufferBeforeHoldersUsd ?? buffer;
        double Covered(Func<ReplayEpisode, double> buffer) => day.Count == 0 ? double.NaN : (double)day.Count(e => buffer(e) >= e.RealizedOutflowUsd) / day.Count;
        double Average(Func<BufferSample, double> buffer) => samples.Count == 0 ? double.NaN : samples.Average(s => buffer(s) / s.DepositsUsd);
        var bound = samples.Count(s => s.Target is { } t && t.TargetBufferUsd > t.BufferBeforeHoldersUsd);
        var top2 = samples.Where(s => s.Target is { } t && double.IsFinite(t.LargestHoldersUsd)).Select(s => s.Target!.LargestHoldersUsd / s.DepositsUsd).DefaultIfEmpty(double.NaN).Average();
        Console.WriteLine($"{label}: {day.Count} episodes 24 h ahead, {samples.Count} market-days; holders known for {results.Sum(r => r.MarketsWithHolders.Count)} markets, not for {results.Sum(r => r.MarketsWithoutHolders.Count)}");
        Console.WriteLine($"  covered 24 h: current {Covered(e => Before(e.Target, e.RecommendedBufferUsd)):P1}, concentration {Covered(e => e.RecommendedBufferUsd):P1}, flat 20% {Covered(e => ReplayResult.FlatRuleShare * e.DepositsUsd):P1}");
        Console.WriteLine($"  time-average buffer: current {Average(s => Before(s.Target, s.RecommendedBufferUsd)):P1}, concentration {Average(s => s.RecommendedBufferUsd):P1}, flat 20%");
        Console.WriteLine($"  holders' term binds on {(double)bound / Math.Max(samples.Count, 1):P1} of market-days; the {ReserveTargetPolicy.For(profile).LargestHolders} largest hold {top2:P1} of deposits on average");
    }
}
