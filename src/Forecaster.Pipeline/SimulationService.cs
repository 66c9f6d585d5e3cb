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
        return await store.UpsertAsync(Batches(markets), cancellationToken);
    }

    /// <summary>
    /// Simulates and stores the hours and, in <paramref name="eventStore"/>, every agent's event-level flow as the logs of
    /// <see cref="SimulatedFlowLogs"/> (chain <c>simulated</c>, source <c>agents</c>). Running the same simulation again
    /// stores nothing twice; a store holding another run's events is refused before anything is written.
    /// </summary>
    /// <exception cref="ForecasterException">The store holds simulated events of another run; nothing was written.</exception>
    public async Task<SimulationWrite> SimulateWithEventsAsync(SimulationOptions options, IFlowEventStore eventStore, CancellationToken cancellationToken = default, AgentBehaviour? behaviour = null)
    {
        ArgumentNullException.ThrowIfNull(eventStore);
        var markets = AgentSimulator.Run(options, (behaviour ?? AgentBehaviour.Default) with { KeepEvents = true });
        var batch = SimulatedFlowLogs.ToBatch(markets);
        var stored = await eventStore.GetCheckpointAsync(batch.Checkpoint.Chain, batch.Checkpoint.Source, cancellationToken);
        // The checkpoint is the last block and its run-specific hash: equal only when the store holds this very run's events.
        if (stored is not null && stored != batch.Checkpoint)
            throw new ForecasterException(
                $"The store already holds simulated events of another run ({stored.Chain}:{stored.Source} up to block {stored.Block}, hash {stored.BlockHash}; " +
                $"this run ends at block {batch.Checkpoint.Block}, hash {batch.Checkpoint.BlockHash}): its markets, days, seed, start or behaviour differ. " +
                "Simulate into a new store file. Nothing was written.");
        var events = await eventStore.AppendAsync(batch, cancellationToken);
        try
        {
            return new SimulationWrite(await store.UpsertAsync(Batches(markets), cancellationToken), events);
        }
        catch
        {
            // The two stores commit apart: when this run's events went into a store that had none, take them out again so a
            // failed run leaves the store as it was (the chain 'simulated' is the simulator's own).
            if (stored is null) await eventStore.RollbackAsync(batch.Checkpoint.Chain, 0, null, CancellationToken.None);
            throw;
        }
    }

    private static List<MarketBatch> Batches(IReadOnlyList<SimulatedMarket> markets) => markets.Select(m => new MarketBatch(m.Market, m.Hours)).ToList();
}
