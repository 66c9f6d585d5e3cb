using DuckDB.NET.Data;
using Forecaster.Flows;
using Forecaster.Recommend;
using Forecaster.Simulation;
using Forecaster.Simulation.Agents;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Pipeline.Tests;

/// <summary>
/// <c>simulate</c> without events on a store holding an earlier <c>simulate --events</c>: the rewritten markets' events go with
/// their old hours, in the same transaction, so holders are never told from another run than the hours.
/// </summary>
public class SimulationReplacesEventsTests
{
    private static readonly SimulationOptions Options = new() { Markets = 3, Days = 20 };
    private const string Chain = AgentSimulator.EventChain, Source = SimulatedFlowLogs.Source;

    [Fact]
    public async Task Simulate_WithoutEvents_RemovesEveryStoredEventOfItsMarkets_WhenItRewritesThemAll()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await StoredRun.CreateAsync(ct);
        var (store, flows, service, first) = (run.Store, run.Flows, run.Service, run.First);
        var other = Options with { Seed = 7 };

        var plain = await service.SimulateAsync(other, flows, ct);

        Assert.Equal(first.Events.Inserted, plain.EventsRemoved);
        Assert.Equal(new FlowAppendResult(0, 0), plain.Events);
        var simulated = AgentSimulator.Run(other, new AgentBehaviour { KeepEvents = true });
        foreach (var m in simulated) Assert.Equal(m.Hours, await store.GetHoursAsync(m.Market.Name, cancellationToken: ct));
        // Nothing of the old run is left: no log, block or checkpoint, and no source for the brief to find holders in.
        Assert.Empty(await flows.GetLogsAsync(Chain, Source, ct));
        Assert.Empty(await flows.GetBlocksAsync(Chain, long.MaxValue, int.MaxValue, ct));
        Assert.Null(await flows.GetCheckpointAsync(Chain, Source, ct));
        Assert.Empty(await flows.GetAccountFlowSourcesAsync(ct));
        var error = await Assert.ThrowsAsync<ForecasterException>(() => AccountFlows.LoadAsync(flows, Chain, Source, ct));
        Assert.Equal("Account-level flows: the store holds no logs of simulated:agents.", error.Message);
        // So the new run's events are taken, where another run's would be refused.
        var events = await service.SimulateWithEventsAsync(other, flows, ct);
        Assert.Equal(simulated.Sum(m => m.Events.Count), events.Events.Inserted);
    }

    [Fact]
    public async Task Simulate_WithoutEvents_KeepsTheOtherMarketsEvents_AndReplayFindsNoHoldersForTheRewrittenOnes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await StoredRun.CreateAsync(ct);
        var (store, flows, service, first) = (run.Store, run.Flows, run.Service, run.First);
        var checkpoint = await flows.GetCheckpointAsync(Chain, Source, ct);
        var byMarket = AgentSimulator.Run(Options, new AgentBehaviour { KeepEvents = true }).ToDictionary(m => m.Market.Name, m => (long)m.Events.Count);
        var (rewritten, kept) = (new[] { AgentSimulator.MarketAt(0).Name, AgentSimulator.MarketAt(1).Name }, AgentSimulator.MarketAt(2).Name);

        var plain = await service.SimulateAsync(Options with { Markets = 2, Seed = 7 }, flows, ct);

        Assert.Equal(byMarket[rewritten[0]] + byMarket[rewritten[1]], plain.EventsRemoved);
        Assert.Equal(new Dictionary<string, long> { [kept] = byMarket[kept] }, await flows.CountLogsByMarketAsync(Chain, Source, ct));
        Assert.Equal(checkpoint, await flows.GetCheckpointAsync(Chain, Source, ct));
        var holders = await AccountFlows.LoadAsync(flows, Chain, Source, ct);
        var replay = await ReplayService.RunAsync(store, RiskAppetite.Moderate, basis: ReplayBasis.Named["concentration"], cancellationToken: ct, accountFlows: holders);
        Assert.Equal(new[] { kept }, replay.MarketsWithHolders);
        Assert.Equal(rewritten.Order(StringComparer.Ordinal), replay.MarketsWithoutHolders.Order(StringComparer.Ordinal));

        // The first run again: only part of it is stored, so its events are written (not skipped) and the store is whole again.
        var progress = new ProgressLog();
        var again = await service.SimulateWithEventsAsync(Options, flows, ct, progress: progress);

        Assert.Equal(new FlowAppendResult(plain.EventsRemoved, byMarket[kept]), again.Events);
        Assert.NotEmpty(progress.Reports);
        Assert.Equal(first.Events.Inserted, again.Events.Inserted + again.Events.AlreadyStored);
        Assert.Equal(run.Digest, await StoredSimulation.DigestAsync(store, flows, ct));
    }

    [Fact]
    public async Task Simulate_WithoutEvents_CancelledOnceTheEventsAreRemoved_LeavesTheStoreAsItWas()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await StoredRun.CreateAsync(ct);
        var (store, flows, service, first) = (run.Store, run.Flows, run.Service, run.First);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // Cancelled once the removal is done inside the transaction, before the hours are written: the failure comes mid-way.
        var progress = new ProgressLog(cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.SimulateAsync(Options with { Seed = 7 }, flows, cancel.Token, progress: progress));

        Assert.Equal([first.Events.Inserted], progress.Reports);
        Assert.Equal(run.Digest, await StoredSimulation.DigestAsync(store, flows, ct));
        // The store works on: the same run afterwards removes every event and writes its hours.
        var plain = await service.SimulateAsync(Options with { Seed = 7 }, flows, ct);
        Assert.Equal(first.Events.Inserted, plain.EventsRemoved);
        Assert.All(plain.Hours, h => Assert.True(h.Updated > 0, $"{h.Market}: no hour replaced"));
    }

    [Fact]
    public async Task Simulate_WithoutEvents_FailingAtTheHours_LeavesTheEventsAsTheyWere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await StoredRun.CreateAsync(ct);
        var (store, flows, service, first) = (run.Store, run.Flows, run.Service, run.First);
        // Another writer of the same database changes the last market's row in an open transaction: the run removes the
        // events, then its write of that row conflicts. Events removed in a transaction of their own would stay removed.
        await using var writer = new DuckDBConnection(store.Connection.ConnectionString);
        writer.Open();
        var progress = new ProgressLog();
        using (var transaction = writer.BeginTransaction())
        {
            using var hold = writer.CreateCommand();
            hold.CommandText = $"UPDATE markets SET asset = 'held' WHERE name = '{AgentSimulator.MarketAt(Options.Markets - 1).Name}'";
            Assert.Equal(1, hold.ExecuteNonQuery());

            var error = await Assert.ThrowsAsync<DuckDBException>(() => service.SimulateAsync(Options with { Seed = 7 }, flows, ct, progress: progress));

            Assert.Contains("Conflict on update", error.Message);
            transaction.Rollback();
        }
        Assert.Equal([first.Events.Inserted], progress.Reports);
        Assert.Equal(run.Digest, await StoredSimulation.DigestAsync(store, flows, ct));
    }

    [Fact]
    public async Task SimulateWithEvents_Again_WritesNoEvent_WhenTheStoreHoldsTheWholeRun()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var run = await StoredRun.CreateAsync(ct);
        var (store, flows, service, first) = (run.Store, run.Flows, run.Service, run.First);
        var progress = new ProgressLog();

        var again = await service.SimulateWithEventsAsync(Options, flows, ct, progress: progress);

        Assert.Equal(new FlowAppendResult(0, first.Events.Inserted), again.Events);
        // No batch was written: the second pass over the simulation never ran.
        Assert.Empty(progress.Reports);
        Assert.All(again.Hours, h => Assert.Equal(Options.Days * 24, h.Unchanged));
        Assert.Equal(run.Digest, await StoredSimulation.DigestAsync(store, flows, ct));
    }

    [Fact]
    public async Task Simulate_WithAFlowStoreInAnotherFile_WritesEventsAndHoursApart_AndStillRemovesTheRewrittenMarketsEvents()
    {
        using var temp = new TempDirectory("sim-replace");
        var ct = TestContext.Current.CancellationToken;
        await using var store = DuckDbMarketStore.Open(temp.File("hours.duckdb"));
        await using var flows = DuckDbFlowEventStore.Open(temp.File("events.duckdb"));
        Assert.False(flows.SharesTransactionsWith(store));
        var service = new SimulationService(store);

        var first = await service.SimulateWithEventsAsync(Options, flows, ct);
        var again = await service.SimulateWithEventsAsync(Options, flows, ct);
        var plain = await service.SimulateAsync(Options with { Seed = 7 }, flows, ct);

        Assert.Equal(new FlowAppendResult(0, first.Events.Inserted), again.Events);
        Assert.All(first.Hours, h => Assert.Equal(Options.Days * 24, h.Inserted));
        Assert.Equal(first.Events.Inserted, plain.EventsRemoved);
        Assert.All(plain.Hours, h => Assert.True(h.Updated > 0, $"{h.Market}: no hour replaced"));
        Assert.Empty(await flows.GetLogsAsync(Chain, Source, ct));
    }

    // A new store file holding the first run, hours and events, and what it stored.
    private sealed class StoredRun : IAsyncDisposable
    {
        private readonly TempDirectory _temp = new("sim-replace");

        private StoredRun()
        {
            Store = DuckDbMarketStore.Open(_temp.File("s.duckdb"));
            Flows = DuckDbFlowEventStore.Attach(Store);
            Service = new SimulationService(Store);
        }

        public DuckDbMarketStore Store { get; }
        public DuckDbFlowEventStore Flows { get; }
        public SimulationService Service { get; }
        public SimulationWrite First { get; private set; } = null!;
        public string Digest { get; private set; } = "";

        public static async Task<StoredRun> CreateAsync(CancellationToken ct)
        {
            var run = new StoredRun();
            run.First = await run.Service.SimulateWithEventsAsync(Options, run.Flows, ct);
            run.Digest = await StoredSimulation.DigestAsync(run.Store, run.Flows, ct);
            return run;
        }

        public async ValueTask DisposeAsync()
        {
            await Flows.DisposeAsync();
            await Store.DisposeAsync();
            _temp.Dispose();
        }
    }

    // Keeps every report and, when given a source, cancels it at the first.
    private sealed class ProgressLog(CancellationTokenSource? cancel = null) : IProgress<long>
    {
        public List<long> Reports { get; } = [];

        public void Report(long value)
        {
            Reports.Add(value);
            cancel?.Cancel();
        }
    }
}
