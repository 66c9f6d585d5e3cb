using Forecaster.Markets;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>Agent-based Monte Carlo stress of one market: the default 2,000 paths of 24 h.</summary>
public sealed class AgentStressWorkload : IWorkload
{
    public string Name => "agent-stress";

    public string Description => "agent-based Monte Carlo: 2,000 paths x 24 h from one market's state";

    public Task<(long Items, string Unit)> RunAsync()
    {
        var today = new MarketHour(SimulationOptions.Defaults.Start, 1e9, 0.9e9, 0, 5, 8, DataQuality.None, 0, 0);
        var paths = AgentStress.NetOutflows(Market.FromName("bench_usdc"), today, InterestRateModel.Stablecoin, [24], 2_000, 1)[0];
        return Task.FromResult(((long)paths.Length, "paths"));
    }
}
