using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;

namespace Forecaster.Pipeline;

/// <summary>Writes agent-simulated markets, with their hourly gross flows, into a store (the embedded default on a machine with no data).</summary>
public sealed class SimulationService(IMarketStore store)
{
    /// <summary>
    /// Events written to the flow-event store in one batch by <see cref="SimulateWithEventsAsync"/> (rounded up to a whole hour
    /// of every market): about 40 MB of logs in memory at a time, whatever the run's length, and few enough batches (27 for
    /// 6 markets x 730 days) that their fixed cost does not count.
    /// </summary>
    public const int DefaultEventChunk = 100_000;

    /// <summary>Events per batch written by <see cref="SimulateWithEventsAsync"/> (default <see cref="DefaultEventChunk"/>).</summary>
    public int EventChunk { get; init; } = DefaultEventChunk;

    /// <summary>
    /// Simulates and stores the hours; returns what was written, one result per market. For a store that holds no simulated
    /// events (an empty one, as <c>run</c> and the ingest job fill): where a flow-event store may hold some, the overload with
    /// it replaces them.
    /// </summary>
    public async Task<IReadOnlyList<UpsertResult>> SimulateAsync(SimulationOptions options, CancellationToken cancellationToken = default, AgentBehaviour? behaviour = null)
    {
        var markets = AgentSimulator.Run(options, behaviour);
        return await store.UpsertAsync(Batches(markets), cancellationToken);
    }

    /// <summary>
    /// Simulates and stores the hours without events, and removes the simulated source's stored events (chain
    /// <c>simulated</c>, source <c>agents</c>, from an earlier <see cref="SimulateWithEventsAsync"/>) of the markets it rewrites,
    /// so their holders are never told from another run than their hours; other markets' events stay, with their hours.
    /// In one transaction where <paramref name="eventStore"/> shares the market store's (one DuckDB file); otherwise the events
    /// go first and the hours follow, so a failure between leaves old hours without holders, never holders of another run.
    /// </summary>
    /// <param name="options">What to simulate.</param>
    /// <param name="eventStore">Where earlier runs' events may be.</param>
    /// <param name="cancellationToken">Cancels the run; the store is left as it was.</param>
    /// <param name="behaviour">The agents' behaviour (default <see cref="AgentBehaviour.Default"/>).</param>
    /// <param name="progress">Told the number of stored events removed, once they are (before the hours are written).</param>
    public async Task<SimulationWrite> SimulateAsync(SimulationOptions options, IFlowEventStore eventStore, CancellationToken cancellationToken = default,
        AgentBehaviour? behaviour = null, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(eventStore);
        var markets = Batches(AgentSimulator.Run(options, behaviour));
        var names = markets.Select(m => m.Market.Name).ToList();
        var (hours, removed) = await WriteWithHoursAsync(eventStore, markets, async (transaction, ct) =>
        {
            var count = await transaction.RemoveMarketsAsync(AgentSimulator.EventChain, SimulatedFlowLogs.Source, names, ct);
            progress?.Report(count);
            return count;
        }, undo: null, cancellationToken);
        return new SimulationWrite(hours, new FlowAppendResult(0, 0), removed);
    }

    /// <summary>
    /// Simulates and stores the hours and, in <paramref name="eventStore"/>, every agent's event-level flow as the logs of
    /// <see cref="SimulatedFlowLogs"/> (chain <c>simulated</c>, source <c>agents</c>). Running the same simulation again
    /// stores nothing twice; a store holding another run's events is refused before anything is written.
    /// The run's events are never all in memory: a first pass over the simulation hashes them into the run's fingerprint
    /// (which every stored block hash depends on, and which tells this run from another before anything is written); when the
    /// store already holds every event of this very run, only the hours are written; otherwise a second pass simulates the same
    /// markets again and writes their events about <see cref="EventChunk"/> at a time, all in one transaction (with the hours
    /// where <paramref name="eventStore"/> shares the market store's), so a failure or cancellation at any batch leaves the store as it was.
    /// </summary>
    /// <param name="options">What to simulate.</param>
    /// <param name="eventStore">Where the events go.</param>
    /// <param name="cancellationToken">Cancels the run; the store is left as it was.</param>
    /// <param name="behaviour">The agents' behaviour (default <see cref="AgentBehaviour.Default"/>).</param>
    /// <param name="progress">Told the number of events written so far after every batch.</param>
    /// <exception cref="ForecasterException">The store holds simulated events of another run; nothing was written.</exception>
    public async Task<SimulationWrite> SimulateWithEventsAsync(SimulationOptions options, IFlowEventStore eventStore, CancellationToken cancellationToken = default,
        AgentBehaviour? behaviour = null, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(eventStore);
        ArgumentOutOfRangeException.ThrowIfLessThan(EventChunk, 1);
        var markets = new List<MarketBatch>();
        byte[] run;
        ChainCheckpoint checkpoint;
        long count;
        Dictionary<string, long> byMarket;
        using (var fingerprint = new SimulatedRunFingerprint())
        {
            for (var i = 0; i < options.Markets; i++)
            {
                var hours = new List<MarketHour>(options.Days * 24);
                foreach (var (hour, events) in AgentSimulator.StreamMarket(options, behaviour, i))
                {
                    hours.Add(hour);
                    foreach (var e in events) fingerprint.Add(e);
                }
                markets.Add(new MarketBatch(AgentSimulator.MarketAt(i), hours));
                cancellationToken.ThrowIfCancellationRequested();
            }
            (run, checkpoint) = fingerprint.Finish();
            count = fingerprint.Events;
            byMarket = new Dictionary<string, long>(fingerprint.EventsByMarket, StringComparer.Ordinal);
        }
        var stored = await eventStore.GetCheckpointAsync(checkpoint.Chain, checkpoint.Source, cancellationToken);
        // The checkpoint is the last block and its run-specific hash: equal only when the store holds this very run's events.
        if (stored is not null && stored != checkpoint)
            throw new ForecasterException(
                $"The store already holds simulated events of another run ({stored.Chain}:{stored.Source} up to block {stored.Block}, hash {stored.BlockHash}; " +
                $"this run ends at block {checkpoint.Block}, hash {checkpoint.BlockHash}): its markets, days, seed, start or behaviour differ. " +
                "Simulate into a new store file, or first run simulate without --events over at least its markets, which removes their events. Nothing was written.");
        if (stored is not null && await HoldsWholeRunAsync(eventStore, checkpoint, byMarket, cancellationToken))
            return new SimulationWrite(await store.UpsertAsync(markets, cancellationToken), new FlowAppendResult(0, count), 0);
        // The two stores commit apart when they share no transaction: when this run's events went into a store that had none,
        // they are taken out again if the hours fail, so a failed run leaves the store as it was (the chain 'simulated' is the simulator's own).
        Func<Task>? undo = stored is null ? () => eventStore.RollbackAsync(checkpoint.Chain, 0, null, CancellationToken.None) : null;
        var (written, appended) = await WriteWithHoursAsync(eventStore, markets,
            (transaction, ct) => WriteEventsAsync(options, behaviour, transaction, new SimulatedLogChunk(run, checkpoint), count, progress, ct), undo, cancellationToken);
        return new SimulationWrite(written, appended, 0);
    }

    // Whether the store holds every event of the run whose checkpoint it holds. Its logs of the source are then a subset of the
    // run's (a store takes no other run's events under that checkpoint), so equal counts, market by market, mean the same events;
    // fewer mean some went (a 'simulate' without events rewrote those markets) and are written again.
    private static async Task<bool> HoldsWholeRunAsync(IFlowEventStore eventStore, ChainCheckpoint checkpoint, IReadOnlyDictionary<string, long> byMarket,
        CancellationToken cancellationToken)
    {
        var counts = await eventStore.CountLogsByMarketAsync(checkpoint.Chain, checkpoint.Source, cancellationToken);
        return counts.Count == byMarket.Count && byMarket.All(m => counts.GetValueOrDefault(m.Key) == m.Value);
    }

    // A run's events (what `events` writes inside one flow transaction) and its hours, kept together: in that same transaction
    // where the event store shares the market store's; otherwise the events are committed first and the hours follow, and
    // `undo`, when given, takes the events out again if the hours fail.
    private async Task<(IReadOnlyList<UpsertResult> Hours, T Events)> WriteWithHoursAsync<T>(IFlowEventStore eventStore, IReadOnlyList<MarketBatch> markets,
        Func<IFlowAppendTransaction, CancellationToken, Task<T>> events, Func<Task>? undo, CancellationToken cancellationToken)
    {
        T written;
        await using (var transaction = await eventStore.BeginAppendAsync(cancellationToken))
        {
            written = await events(transaction, cancellationToken);
            if (eventStore.SharesTransactionsWith(store))
            {
                var hours = await transaction.UpsertHoursAsync(markets, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (hours, written);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        try
        {
            return (await store.UpsertAsync(markets, cancellationToken), written);
        }
        catch
        {
            if (undo is not null) await undo();
            throw;
        }
    }

    // The second pass: the same markets simulated again, hour by hour across markets so that each batch holds whole hours and
    // lies past every block written before it (the store's fast path, nothing stored to compare with), written a batch at a
    // time into the transaction, which the caller commits.
    private async Task<FlowAppendResult> WriteEventsAsync(SimulationOptions options, AgentBehaviour? behaviour, IFlowAppendTransaction transaction, SimulatedLogChunk chunk,
        long expected, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long inserted = 0, already = 0;
        async Task Flush()
        {
            var result = await transaction.AppendAsync(chunk.Take(), cancellationToken);
            inserted += result.Inserted;
            already += result.AlreadyStored;
            progress?.Report(inserted + already);
        }
        var markets = Enumerable.Range(0, options.Markets).Select(i => AgentSimulator.StreamMarket(options, behaviour, i).GetEnumerator()).ToList();
        try
        {
            for (var h = 0; h < options.Days * 24; h++)
            {
                foreach (var market in markets)
                {
                    market.MoveNext();
                    foreach (var e in market.Current.Events) chunk.Add(e);
                }
                if (chunk.Count >= EventChunk) await Flush();
            }
        }
        finally
        {
            foreach (var market in markets) market.Dispose();
        }
        if (chunk.Count > 0) await Flush();
        // The simulator is deterministic; a second pass that differs from the first would store blocks hashed for other events.
        if (inserted + already != expected)
            throw new InvalidOperationException($"The simulation's second pass produced {inserted + already} events, the first {expected}: it is not deterministic. Nothing was written.");
        return new FlowAppendResult(inserted, already);
    }

    private static List<MarketBatch> Batches(IReadOnlyList<SimulatedMarket> markets) => markets.Select(m => new MarketBatch(m.Market, m.Hours)).ToList();
}
