using Forecaster.Chain.Ingestion;
using Forecaster.Chain.Rpc;
using Forecaster.Flows;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

public sealed class PoolIngestorResilienceTests : NodeTestBase
{
    [Fact]
    public async Task RunAsync_SplitsRange_WhenNodeRefusesTooManyResults()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        for (var i = 1; i <= 12; i++) await Pool.SupplyAsync(usdc, i * 1_000_000, Alice);
        await using var proxy = new RpcProxy(Node.Url) { MaxLogSpan = 4 };

        var report = await IngestAsync(Options(initialSpan: 1_000), proxy.Url);

        Assert.True(proxy.RefusedRanges > 0);
        Assert.Equal(proxy.RefusedRanges, report.RangeRefusals);
        Assert.Equal(36, report.Inserted); // 12 supplies + 12 rate updates + 12 aToken mints, none lost to the refusals
        Assert.Equal(78m, Assert.Single(report.Drifts).SuppliedFromEvents); // 1 + ... + 12
        Assert.Contains(Log, line => line.Contains("more than 10000 results"));
    }

    [Fact]
    public async Task RunAsync_RollsBackReorganisedBlocks_WhenChainNoLongerHasThem()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 100_000_000, Alice);
        var forkPoint = await Node.Rpc.GetBlockNumberAsync(Ct);
        var snapshot = await Node.SnapshotAsync();
        var orphaned = new[]
        {
            (await Pool.SupplyAsync(usdc, 7_000_000, Alice))["transactionHash"]!.GetValue<string>(),
            (await Pool.BorrowAsync(usdc, 50_000_000, Alice))["transactionHash"]!.GetValue<string>(),
        };
        var before = await IngestAsync();
        Assert.Equal(8, before.Inserted); // two supplies with their rate updates and aToken mints, a borrow with its rate update

        // Replace the last two blocks by a longer branch with different transactions.
        await Node.RevertAsync(snapshot);
        await Node.MineAsync(); // an empty block first, so the branch differs even where a transaction repeats
        await Pool.WithdrawAsync(usdc, 30_000_000, Alice);
        await Node.MineAsync(2);
        var after = await IngestAsync();

        Assert.Equal(forkPoint + 1, after.ReorgFromBlock);
        Assert.Equal(5, after.RolledBack); // the orphaned supply (rate update, mint, Supply) and borrow (rate update, Borrow)
        var logs = await Flows.GetLogsAsync("anvil", Pool.Address, Ct);
        Assert.DoesNotContain(logs, l => orphaned.Contains(l.Log.TransactionHash));
        Assert.Equal([FlowKind.ATokenTransfer, FlowKind.Supply, FlowKind.ATokenTransfer, FlowKind.Withdraw], logs.Where(l => l.Flow is not null).Select(l => l.Flow!.Kind).ToList());
        foreach (var log in logs)
            Assert.Equal((await Node.Rpc.GetBlockAsync(log.Log.Block, Ct))!.Hash, log.Log.BlockHash);
        var drift = Assert.Single(after.Drifts);
        Assert.True(drift.Agrees, drift.ToString());
        Assert.Equal(70m, drift.SuppliedFromEvents);
        Assert.Equal(0m, drift.BorrowedFromEvents);
        var last = (await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct))[^1];
        Assert.Equal(0, last.BorrowedUsd);
        Assert.Equal(70, last.SuppliedUsd, 6);
    }

    [Fact]
    public async Task RunAsync_RewritesTheForkHourAndRemovesLaterOnes_WhenTheNewBranchIsStampedEarlier()
    {
        // The orphaned branch reaches into the next hour; the new one is shorter and earlier, as after a real reorg or an
        // anvil revert (which resets the clock). The fork hour must be rewritten although its new stamp is older than the
        // stored one, and the hour only the orphaned branch reached must go.
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await At(Hour.AddMinutes(5), () => Pool.SupplyAsync(usdc, 100_000_000, Alice));
        var snapshot = await Node.SnapshotAsync();
        await At(Hour.AddMinutes(40), () => Pool.BorrowAsync(usdc, 50_000_000, Alice));
        await MineAtAsync(Hour.AddMinutes(70));
        await IngestAsync();
        var orphanedHours = await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct);
        Assert.Equal([Hour, Hour.AddHours(1)], orphanedHours.Select(h => h.Hour));
        Assert.Equal(50, orphanedHours[0].BorrowedUsd, 6);

        await Node.RevertAsync(snapshot);
        await At(Hour.AddMinutes(10), () => Pool.WithdrawAsync(usdc, 30_000_000, Alice));
        await MineAtAsync(Hour.AddMinutes(12));
        await MineAtAsync(Hour.AddMinutes(14));
        var after = await IngestAsync();

        Assert.NotNull(after.ReorgFromBlock);
        var hours = await Markets.GetHoursAsync("aave_v3_usdc", cancellationToken: Ct);
        var last = Assert.Single(hours);
        Assert.Equal(Hour, last.Hour);
        Assert.Equal(0, last.BorrowedUsd);
        Assert.Equal(70, last.SuppliedUsd, 6);
        Assert.Equal(Hour.AddMinutes(14).ToUnixTimeSeconds(), last.SnapshotTimestamp); // older than the orphaned hour's 10:59:59
        Assert.Contains(Log, line => line.Contains("aave_v3_usdc: removed 1 stored hours past the chain's tip"));
    }

    [Fact]
    public async Task RunAsync_RollsBackAnotherPoolsOrphanedBlocks_WhenThatPoolHadReadPastThisOnesCheckpoint()
    {
        // Two pools of one chain in one store: B reads past A's checkpoint into blocks a reorg then replaces. A's next run must
        // not trip over B's stored blocks of the old branch, and B must lose its orphaned logs and re-read the new branch.
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        var poolB = await MockPoolContract.DeployAsync(Node);
        var usdcB = await poolB.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 100_000_000, Alice);
        await poolB.SupplyAsync(usdcB, 10_000_000, Alice);
        var forkPoint = await Node.Rpc.GetBlockNumberAsync(Ct);
        var snapshot = await Node.SnapshotAsync();
        var optionsB = Options(pool: poolB.Address, marketPrefix: "pool_b");
        await IngestAsync();
        var orphaned = (await poolB.SupplyAsync(usdcB, 7_000_000, Alice))["transactionHash"]!.GetValue<string>();
        await Node.MineAsync(2);
        await IngestAsync(optionsB);

        await Node.RevertAsync(snapshot);
        await Node.MineAsync();
        await Pool.WithdrawAsync(usdc, 30_000_000, Alice);
        await Node.MineAsync(4);
        var a = await IngestAsync();
        var b = await IngestAsync(optionsB);

        Assert.Equal(forkPoint + 1, a.ReorgFromBlock);
        Assert.True(Assert.Single(a.Drifts).Agrees);
        Assert.Equal(70m, Assert.Single(a.Drifts).SuppliedFromEvents);
        Assert.Null(b.ReorgFromBlock); // A's run already rolled B back to the common ancestor
        Assert.DoesNotContain(await Flows.GetLogsAsync("anvil", poolB.Address, Ct), l => l.Log.TransactionHash == orphaned);
        var driftB = Assert.Single(b.Drifts);
        Assert.True(driftB.Agrees, driftB.ToString());
        Assert.Equal(10m, driftB.SuppliedFromEvents);
        foreach (var log in (await Flows.GetLogsAsync("anvil", Pool.Address, Ct)).Concat(await Flows.GetLogsAsync("anvil", poolB.Address, Ct)))
            Assert.Equal((await Node.Rpc.GetBlockAsync(log.Log.Block, Ct))!.Hash, log.Log.BlockHash);
    }

    [Fact]
    public async Task RunAsync_FindsForkPointOfDeepReorg_InBatchedBlockRequests()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 100_000_000, Alice);
        var forkPoint = await Node.Rpc.GetBlockNumberAsync(Ct);
        var snapshot = await Node.SnapshotAsync();
        var orphaned = (await Pool.SupplyAsync(usdc, 7_000_000, Alice))["transactionHash"]!.GetValue<string>();
        await Node.MineAsync(90);
        // One-block ranges store every block's hash, so 91 stored blocks lie past the fork: two walk-back batches.
        await IngestAsync(Options(initialSpan: 1, maxSpan: 1));
        Assert.True((await Flows.GetBlocksAsync("anvil", forkPoint + 1000, 200, Ct)).Count(b => b.Number > forkPoint) > 90);

        await Node.RevertAsync(snapshot);
        await Node.MineAsync();
        await Pool.WithdrawAsync(usdc, 30_000_000, Alice);
        await Node.MineAsync(100);
        await using var proxy = new RpcProxy(Node.Url);
        var after = await IngestAsync(Options(initialSpan: 10_000), proxy.Url);

        Assert.Equal(forkPoint + 1, after.ReorgFromBlock);
        Assert.Equal(3, after.RolledBack); // the orphaned supply, its rate update and its aToken mint
        var logs = await Flows.GetLogsAsync("anvil", Pool.Address, Ct);
        Assert.DoesNotContain(logs, l => l.Log.TransactionHash == orphaned);
        foreach (var log in logs)
            Assert.Equal((await Node.Rpc.GetBlockAsync(log.Log.Block, Ct))!.Hash, log.Log.BlockHash);
        Assert.True(Assert.Single(after.Drifts).Agrees);
        // The checkpoint check, two walk-back batches and the read range's blocks; asking one block per call would take > 90.
        Assert.InRange(proxy.BlockRequests, 3, 6);
    }

    [Fact]
    public async Task RunAsync_Completes_WhenNodeGoesAwayMidRunAndComesBack()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        for (var i = 0; i < 6; i++) await Pool.SupplyAsync(usdc, 1_000_000, Alice);
        await using var proxy = new RpcProxy(Node.Url);
        proxy.OnGetLogs = n =>
        {
            if (n != 3) return;
            // The node disappears during the third range and is back 1.5 s later: retries with backoff must bridge it.
            proxy.Stop();
            _ = Task.Delay(1500).ContinueWith(_ => proxy.Start(), TaskScheduler.Default);
        };

        var report = await IngestAsync(Options(initialSpan: 2), proxy.Url, maxRetries: 8);

        Assert.Equal(18, report.Inserted); // 6 supplies, each with a rate update and an aToken mint
        Assert.Equal(6m, Assert.Single(report.Drifts).SuppliedFromEvents);
        Assert.Contains(Log, line => line.StartsWith("retry ") && line.Contains("/v3/***") && !line.Contains("0123456789abcdef"));
    }

    [Fact]
    public async Task RunAsync_WaitsRetryAfterAndLosesNothing_WhenNodeAnswersTooManyRequests()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        for (var i = 0; i < 6; i++) await Pool.SupplyAsync(usdc, 1_000_000, Alice);
        await using var proxy = new RpcProxy(Node.Url);
        // From the third range on, the provider's rate limit answers three requests in a row with 429 and Retry-After: 1.
        proxy.OnGetLogs = n => { if (n == 3) proxy.RateLimitNext(3); };

        var report = await IngestAsync(Options(initialSpan: 2), proxy.Url, maxRetries: 3);

        Assert.Equal(3, proxy.RateLimitedAnswers);
        Assert.Equal(18, report.Inserted); // 6 supplies, each with a rate update and an aToken mint
        Assert.Equal(18, (await Flows.GetLogsAsync("anvil", Pool.Address, Ct)).Count);
        Assert.Equal(6m, Assert.Single(report.Drifts).SuppliedFromEvents);
        var retries = Log.Where(line => line.StartsWith("retry ")).ToList();
        Assert.Equal(3, retries.Count);
        // The wait is the node's Retry-After (1 s), not the 0.2 s exponential backoff, and the key never shows.
        Assert.All(retries, line =>
        {
            Assert.Contains("in 1.0 s", line);
            Assert.Contains("HTTP 429", line);
            Assert.Contains("/v3/***", line);
            Assert.DoesNotContain("0123456789abcdef", line);
        });
    }

    [Fact]
    public async Task RunAsync_ResumesFromCheckpoint_WhenNodeStayedAwayTooLong()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        for (var i = 0; i < 6; i++) await Pool.SupplyAsync(usdc, 1_000_000, Alice);
        await using var proxy = new RpcProxy(Node.Url);
        proxy.OnGetLogs = n => { if (n == 3) proxy.Stop(); };

        // Every range is committed, so the ranges before the node went away are stored (PoolIngestorCommitTests covers gathered ranges).
        var ex = await Assert.ThrowsAsync<ChainRpcException>(() => IngestAsync(Options(initialSpan: 2, commitLogs: 1), proxy.Url, maxRetries: 1));
        Assert.Contains("did not answer eth_getLogs", ex.Message);
        Assert.Contains("/v3/***", ex.Message);
        Assert.DoesNotContain("0123456789abcdef", ex.Message);
        var checkpoint = await Flows.GetCheckpointAsync("anvil", Pool.Address, Ct);
        Assert.NotNull(checkpoint);
        var partial = (await Flows.GetLogsAsync("anvil", Pool.Address, Ct)).Count;
        Assert.InRange(partial, 1, 17);

        proxy.OnGetLogs = null;
        proxy.Start();
        var report = await IngestAsync(Options(initialSpan: 2), proxy.Url);

        Assert.Equal(checkpoint.Block + 1, report.FromBlock);
        Assert.Equal(18 - partial, report.Inserted);
        Assert.Equal(18, (await Flows.GetLogsAsync("anvil", Pool.Address, Ct)).Count);
    }

    [Fact]
    public async Task RunAsync_Throws_WhenNodeServesAnotherChain()
    {
        var options = new PoolIngestOptions { Chain = "ethereum", Pool = Pool.Address, FromBlock = 0, Confirmations = 0 };
        var ex = await Assert.ThrowsAsync<ChainMismatchException>(() => IngestAsync(options));
        Assert.Equal(31337, ex.Actual);
        Assert.Equal(1, ex.Expected);
        Assert.Contains("--chain ethereum expects chain id 1", ex.Message);
        Assert.Null(await Flows.GetCheckpointAsync("ethereum", Pool.Address, Ct));
    }
}
