using Forecaster.Simulation;
using Forecaster.Simulation.Agents;

namespace Forecaster.Pipeline;

/// <summary>Writes agent-simulated markets, with their hourly gross flows, into a store (the embedded default on a machine with no data).</summary>
public sealed class SimulationService(IMarketStore store)
{
    /// <summary>Simulates and stores; returns what was written, one result per market.</summary>
    public async Task<IReadOnlyList<UpsertResult>> SimulateAsync(SimulationOptions options, CancellationToken cancellationToken = default, AgentBehaviour? behaviour = null)
    {
        var markets = AgentSimulator.Run(options, behaviour);
        return await store.UpsertAsync(markets.Select(m => new MarketBatch(m.Market, m.Hours)).ToList(), cancellationToken);
    }
}
