using Forecaster.Flows;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// <c>simulate --events</c> written a chunk at a time stores exactly what the earlier whole-run write stored, whatever the
/// chunk size, and a run failing after some chunks leaves the store as it was.
/// </summary>
public class SimulationEventsChunkTests
{
    private static readonly SimulationOptions Options = new() { Markets = 2, Days = 20 };

    // StoredSimulation's digest of the store `forecaster simulate --days 20 --markets 2 --events` wrote into a new file before
    // events were written in chunks, when the whole run's events were one batch (26,384 events).
    private const string WholeRunDigest = "7871da9d6ed3762b261b08a633767584e9df8900631ddbe21a094ba64464a840";

    [Theory]
    [InlineData(SimulationService.DefaultEventChunk)]
    [InlineData(997)]
    public async Task SimulateWithEvents_InChunks_StoresWhatTheWholeRunWriteStored(int chunk)
    {
        using var temp = new TempDirectory("sim-chunks");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await using var flows = DuckDbFlowEventStore.Attach(store);
        var service = new SimulationService(store) { EventChunk = chunk };

        var first = await service.SimulateWithEventsAsync(Options, flows, ct);
        var again = await service.SimulateWithEventsAsync(Options, flows, ct);

        Assert.Equal(new FlowAppendResult(26_384, 0), first.Events);
        Assert.Equal(new FlowAppendResult(0, 26_384), again.Events);
        Assert.Equal(WholeRunDigest, await StoredSimulation.DigestAsync(store, flows, ct));
    }

    [Fact]
    public async Task SimulateWithEvents_CancelledAfterSomeChunks_LeavesTheStoreAsItWas()
    {
        using var temp = new TempDirectory("sim-chunks");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("s.duckdb"));
        await using var flows = DuckDbFlowEventStore.Attach(store);
        // The store already holds the run's hours (a plain simulate) and another pool's logs, which must survive as they are.
        await new SimulationService(store).SimulateAsync(Options, ct);
        await flows.AppendAsync(OtherPool(), ct);
        var before = await StoredSimulation.DigestAsync(store, flows, ct);
        var otherBefore = await flows.GetLogsAsync("ethereum", OtherPoolAddress, ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Cancelled once three chunks of about 1,000 are in (the run has 26,384 events), so the failure comes mid-way, inside the transaction.
        var progress = new CancelAfter(3_000, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new SimulationService(store) { EventChunk = 1_000 }.SimulateWithEventsAsync(Options, flows, cancel.Token, progress: progress));

        Assert.InRange(progress.Seen, 3_000, 4_000);
        Assert.Equal(before, await StoredSimulation.DigestAsync(store, flows, ct));
        Assert.Null(await flows.GetCheckpointAsync(AgentSimulator.EventChain, SimulatedFlowLogs.Source, ct));
        Assert.Equal(Keys(otherBefore), Keys(await flows.GetLogsAsync("ethereum", OtherPoolAddress, ct)));
        // The store works on: the same run afterwards stores every event.
        var written = await new SimulationService(store).SimulateWithEventsAsync(Options, flows, ct);
        Assert.Equal(26_384, written.Events.Inserted);
        Assert.Equal(WholeRunDigest, await StoredSimulation.DigestAsync(store, flows, ct));
    }

    private const string OtherPoolAddress = "0x00000000000000000000000000000000000000aa";

    private static FlowLogBatch OtherPool()
    {
        var at = new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var block = new ChainBlock("ethereum", 100, "0x" + new string('1', 64), at);
        var flow = new FlowEvent("ethereum", "0x" + new string('2', 64), 0, 100, at, "aave_usdc", FlowKind.Supply, 5m, "0x" + new string('3', 40));
        return new FlowLogBatch([block], [new PoolLog(new ChainLog("ethereum", 100, block.Hash, flow.TransactionHash, 0, at, OtherPoolAddress, [], []), flow)],
            new ChainCheckpoint("ethereum", OtherPoolAddress, 100, block.Hash));
    }

    private static List<(FlowEvent?, long, string, string)> Keys(IReadOnlyList<PoolLog> logs) =>
        logs.Select(l => (l.Flow, l.Log.Block, l.Log.BlockHash, l.Log.Address)).ToList();

    // Cancels the run once the given number of events is written (reported after each chunk).
    private sealed class CancelAfter(long events, CancellationTokenSource cancel) : IProgress<long>
    {
        public long Seen { get; private set; }

        public void Report(long value)
        {
            Seen = value;
            if (value >= events) cancel.Cancel();
        }
    }
}
