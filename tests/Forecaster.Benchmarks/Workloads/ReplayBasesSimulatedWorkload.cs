using Forecaster.Pipeline;
using Forecaster.Recommend;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>
/// Replay bases out of sample: agent-simulated markets (3 behaviours x seeds 11-13 x 6 markets x 730 days, the README's
/// simulated column), each simulated once in process and replayed under every basis named by the environment variable
/// FORECASTER_BASES (comma-separated; default the service's rule, the rule before it, against which the variants were
/// measured, and the peer-stress and size-aware variants), moderate, weekly samples. The README's figures (current 55.7%,
/// 13.1%; all-scenarios 55.7%, 13.4%) are the check that the markets are the same.
/// </summary>
public sealed class ReplayBasesSimulatedWorkload : IWorkload
{
    private static readonly int[] Seeds = [11, 12, 13];

    public string Name => "replay-bases-simulated";

    public string Description => "replay each basis of FORECASTER_BASES on simulated markets: calm/default/turbulent x seeds 11-13 x 6 markets x 730 days";

    public async Task<(long Items, string Unit)> RunAsync()
    {
        var names = Environment.GetEnvironmentVariable("FORECASTER_BASES") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : ["current", "all-scenarios", "peer-stress", "peer-stress-half", "size-aware-scenarios"];
        var bases = names.Select(n => ReplayBasis.Named.TryGetValue(n, out var b) ? b : throw new ArgumentException($"FORECASTER_BASES names an unknown basis '{n}'.")).ToList();
        var byBasis = bases.ToDictionary(b => b.Name, _ => new List<(string World, ReplayResult Result)>());
        foreach (var (world, behaviour) in AgentBehaviour.Named.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            foreach (var seed in Seeds)
            {
                var markets = AgentSimulator.Run(new SimulationOptions { Markets = 6, Days = 730, Seed = seed }, behaviour).Select(m => (m.Market, m.Hours)).ToList();
                foreach (var basis in bases)
                    byBasis[basis.Name].Add((world, await ReplayService.RunAsync(markets, RiskAppetite.Moderate, basis: basis)));
            }
        }
        foreach (var (basis, results) in byBasis)
        {
            foreach (var world in results.Select(r => r.World).Distinct().Append("all"))
                Print(basis, world, Merged(results.Where(r => world == "all" || r.World == world).Select(r => r.Result).ToList()));
        }
        return (byBasis.Values.Sum(r => (long)r.Sum(x => x.Result.Samples.Count)), "market-days");
    }

    // One result over several runs, so its shares are over all their episodes and market-days together.
    private static ReplayResult Merged(List<ReplayResult> results) =>
        new(RiskAppetite.Moderate, results.SelectMany(r => r.Episodes).ToList(), results.SelectMany(r => r.Skipped).ToList()) { Samples = results.SelectMany(r => r.Samples).ToList() };

    private static void Print(string basis, string world, ReplayResult r) =>
        Console.WriteLine($"{basis} {world}: {r.Episodes.Count(e => e.HoursBefore == 24)} episodes 24 h ahead, {r.Samples.Count} market-days; covered 24 h {r.CoveredShare:P1}, 72 h {r.CoveredShare72h:P1}; " +
            $"time average {r.TimeAverageBufferShareOfDeposits:P1}; flat 20% covers {r.FlatRuleCoveredShare:P1}, {r.FlatRuleCoveredShare72h:P1}");
}
