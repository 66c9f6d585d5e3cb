using Forecaster.Simulation;
using Forecaster.Simulation.Agents;

namespace Forecaster.Benchmarks.Workloads;

/// <summary>The embedded default's simulation: 100 agent-simulated markets, one year each, hourly (no store).</summary>
public sealed class SimulateAgents100Workload : IWorkload
{
    public string Name => "simulate-agents-100";

    public string Description => "agent-based simulator: 100 markets x 365 days, hourly states and gross flows, no store";

    public Task<(long Items, string Unit)> RunAsync()
    {
        var markets = AgentSimulator.Run(new SimulationOptions { Markets = 100, Days = 365 });
        return Task.FromResult(((long)markets.Sum(m => m.Hours.Count), "market-hours"));
    }
}
