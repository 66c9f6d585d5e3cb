using Forecaster.Chain.Abi;
using Forecaster.Chain.Rpc;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

/// <summary>
/// A backfill gathers several eth_getLogs ranges into one commit (<c>--commit-logs</c>). A run that stops while gathering must
/// leave the store exactly at its last commit, and the next run must read the gathered ranges again, losing nothing and
/// storing nothing twice.
/// </summary>
public sealed class PoolIngestorCommitTests : NodeTestBase
{
    // Each supply is one block of three logs: the rate update, the aToken mint and the Supply.
    private const int LogsPerSupply = 3;

    [Theory]
    // An hour is far longer than any of these runs, even on a loaded machine: there only the log count or the last range commits.
    [InlineData(6, 3_600, 3)] // two supply blocks per commit
    [InlineData(1, 3_600, 6)] // every range
    [InlineData(1_000, 0, 6)] // no time to wait: every range
    [InlineData(1_000, 3_600, 1)] // the whole run in one commit, the last range closing it
    public async Task RunAsync_CommitsGatheredRanges_WhenTheyHoldCommitLogsOrWaitedCommitInterval(int commitLogs, int intervalSeconds, int commits)
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        var first = BlockOf(await Pool.SupplyAsync(usdc, 1_000_000, Alice));
        for (var i = 1; i < 6; i++) await Pool.SupplyAsync(usdc, 1_000_000, Alice);

        var report = await IngestAsync(Options(fromBlock: first, initialSpan: 1, maxSpan: 1, commitLogs: commitLogs,
            commitInterval: TimeSpan.FromSeconds(intervalSeconds)));

        var stored = Log.Where(line => line.StartsWith("blocks ", StringComparison.Ordinal)).ToList();
        Assert.Equal(commits, stored.Count);
        Assert.Equal(6 * LogsPerSupply, report.Inserted);
        Assert.Equal(6m, Assert.Single(report.Drifts).SuppliedFromEvents);
        // The commits cover the run's blocks in order, each starting right after the previous one.
        var ranges = stored.Select(line => line.Split(' ')[1].TrimEnd(':').Split('-').Select(long.Parse).ToArray()).ToList();
        Assert.Equal(first, ranges[0][0]);
        for (var i = 1; i < ranges.Count; i++) Assert.Equal(ranges[i - 1][1] + 1, ranges[i][0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_LeavesStoreAtLastCommit_WhenStoppedWhileGatheringRanges(bool cancelled)
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        for (var i = 0; i < 3; i++) await Pool.SupplyAsync(usdc, 1_000_000, Alice);
        await IngestAsync(Options(initialSpan: 2, maxSpan: 2));
        var committed = await Flows.GetCheckpointAsync("anvil", Pool.Address, Ct);
        var committedKeys = await KeysAsync();
        var newestBlock = (await Flows.GetBlocksAsync("anvil", long.MaxValue, 1, Ct))[0];
        Assert.NotNull(committed);
        Assert.Equal(3 * LogsPerSupply, committedKeys.Count);
        for (var i = 0; i < 3; i++) await Pool.SupplyAsync(usdc, 1_000_000, Alice);

        // The second run reads one-supply ranges; it has gathered the first when the node goes away (or the run is cancelled) on the second.
        await using var proxy = new RpcProxy(Node.Url);
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        proxy.OnGetLogs = n =>
        {
            if (n != 2) return;
            if (cancelled) kill.Cancel();
            else proxy.Stop();
        };
        var gathering = Options(initialSpan: 1, maxSpan: 1, commitLogs: 1_000);
        var stopped = await Record.ExceptionAsync(() => IngestAsync(gathering, proxy.Url, maxRetries: 1, kill.Token));
        if (cancelled) Assert.IsAssignableFrom<OperationCanceledException>(stopped);
        else Assert.IsType<ChainRpcException>(stopped);
        Assert.True(proxy.GetLogsCalls >= 2);

        var after = await Flows.GetCheckpointAsync("anvil", Pool.Address, Ct);
        Assert.Equal(committed, after);
        Assert.Equal(committedKeys, await KeysAsync());
        Assert.Equal(newestBlock, (await Flows.GetBlocksAsync("anvil", long.MaxValue, 1, Ct))[0]);

        proxy.OnGetLogs = null;
        if (!proxy.IsUp) proxy.Start();
        var rerun = await IngestAsync(gathering, proxy.Url);

        Assert.Equal(committed.Block + 1, rerun.FromBlock);
        Assert.Equal(3 * LogsPerSupply, rerun.Inserted);
        Assert.Equal(0, rerun.AlreadyStored);
        var keys = await KeysAsync();
        Assert.Equal(6 * LogsPerSupply, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Superset(committedKeys.ToHashSet(), keys.ToHashSet());
        var drift = Assert.Single(rerun.Drifts);
        Assert.True(drift.Agrees, drift.ToString());
        Assert.Equal(6m, drift.SuppliedFromEvents);
    }

    private async Task<List<(string, long)>> KeysAsync() =>
        (await Flows.GetLogsAsync("anvil", Pool.Address, Ct)).Select(l => (l.Log.TransactionHash, l.Log.LogIndex)).ToList();

    private static long BlockOf(System.Text.Json.Nodes.JsonObject receipt) => Hex.ParseQuantity(receipt["blockNumber"]!.GetValue<string>());
}
