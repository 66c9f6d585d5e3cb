using Forecaster.Flows;
using Forecaster.Store.DuckDb;
using Forecaster.Testing;
using Xunit;

namespace Forecaster.Chain.Tests.Store;

public sealed class DuckDbFlowEventStoreTests : FlowStoreTestBase
{
    private static string A(long n) => "0x" + n.ToString("x").PadLeft(40, '0');

    private static PoolLog Log(long block, long index, decimal? amount = 1.5m)
    {
        var log = new ChainLog(Chain, block, H(block), H(1000 + block * 10 + index), index, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + block * 12),
            Pool, [H(7), H(8)], [1, 2, 3]);
        var flow = amount is { } a ? new FlowEvent(Chain, log.TransactionHash, index, block, log.Timestamp, "aave_v3_usdc", FlowKind.Supply, a, A(0xabc)) : null;
        return new PoolLog(log, flow);
    }

    private static ChainBlock BlockOf(PoolLog log) => new(Chain, log.Log.Block, log.Log.BlockHash, log.Log.Timestamp);

    private static FlowLogBatch Batch(long toBlock, params PoolLog[] logs) => new(
        logs.Select(BlockOf).Append(new ChainBlock(Chain, toBlock, H(toBlock), DateTimeOffset.UnixEpoch)).ToList(),
        logs, new ChainCheckpoint(Chain, Pool, toBlock, H(toBlock)));

    [Fact]
    public async Task AppendAsync_RoundTripsLogsAndFlows()
    {
        await Store.AppendAsync(Batch(10, Log(5, 0), Log(5, 1, amount: null), Log(9, 0, 123.000000000000000001m)), Ct);
        var logs = await Store.GetLogsAsync(Chain, Pool, Ct);
        Assert.Equal([(5L, 0L), (5L, 1L), (9L, 0L)], logs.Select(l => (l.Log.Block, l.Log.LogIndex)).ToList());
        Assert.Equal([H(7), H(8)], logs[0].Log.Topics);
        Assert.Equal([1, 2, 3], logs[0].Log.Data);
        Assert.Null(logs[1].Flow);
        Assert.Equal(123.000000000000000001m, logs[2].Flow!.Amount);
        Assert.Equal(new ChainCheckpoint(Chain, Pool, 10, H(10)), await Store.GetCheckpointAsync(Chain, Pool, Ct));
    }

    [Fact]
    public async Task AppendAsync_StoresEachKeyOnce_WhenBatchIsAppendedTwice()
    {
        var first = await Store.AppendAsync(Batch(10, Log(5, 0), Log(6, 0)), Ct);
        var second = await Store.AppendAsync(Batch(12, Log(5, 0), Log(6, 0), Log(11, 0), Log(11, 0)), Ct);
        Assert.Equal(new FlowAppendResult(2, 0), first);
        Assert.Equal(new FlowAppendResult(1, 3), second);
        Assert.Equal(3, (await Store.GetLogsAsync(Chain, Pool, Ct)).Count);
    }

    [Fact]
    public async Task AppendAsync_StoresEachKeyOnce_WhenKeysRepeatAmongHashesThatShareTheirLastDigits()
    {
        // Repeats are found by sorting fingerprints of the key: hashes that share their last 16 hex digits (a fingerprint of
        // those alone would collide) must all be stored, and a key given three times once, the first time.
        static string Tx(char lead) => "0x" + lead + new string('0', 47) + "00000000deadbeef";
        PoolLog With(PoolLog log, string tx) => log with { Log = log.Log with { TransactionHash = tx }, Flow = log.Flow! with { TransactionHash = tx } };
        var logs = new[]
        {
            With(Log(5, 0), Tx('1')), With(Log(5, 1), Tx('1')), With(Log(6, 0), Tx('2')), With(Log(6, 1, 2m), Tx('1')),
            With(Log(7, 0), Tx('3')), With(Log(7, 1, 3m), Tx('1')),
        };

        var result = await Store.AppendAsync(Batch(10, logs), Ct);

        Assert.Equal(new FlowAppendResult(4, 2), result);
        var stored = await Store.GetLogsAsync(Chain, Pool, Ct);
        Assert.Equal([(Tx('1'), 0L), (Tx('1'), 1L), (Tx('2'), 0L), (Tx('3'), 0L)], stored.Select(l => (l.Log.TransactionHash, l.Log.LogIndex)).ToList());
        Assert.Equal(1.5m, stored[1].Flow!.Amount); // the first of the three logs keyed (Tx 1, log index 1)
    }

    [Fact]
    public async Task AppendAsync_LeavesStoreUnchanged_WhenPartOfTheWriteFails()
    {
        await Store.AppendAsync(Batch(10, Log(5, 0)), Ct);
        // A null block hash violates NOT NULL in the checkpoint, the last write of the transaction.
        var broken = new FlowLogBatch([BlockOf(Log(11, 0))], [Log(11, 0)], new ChainCheckpoint(Chain, Pool, 12, null!));
        await Assert.ThrowsAnyAsync<Exception>(() => Store.AppendAsync(broken, Ct));
        Assert.Single(await Store.GetLogsAsync(Chain, Pool, Ct));
        Assert.Equal(10, (await Store.GetCheckpointAsync(Chain, Pool, Ct))!.Block);
    }

    [Fact]
    public async Task RollbackAsync_RemovesLogsAndBlocksFromBlockOn()
    {
        await Store.AppendAsync(Batch(20, Log(5, 0), Log(12, 0), Log(15, 0)), Ct);
        var removed = await Store.RollbackAsync(Chain, 12, new ChainBlock(Chain, 11, H(11), DateTimeOffset.UnixEpoch), Ct);
        Assert.Equal(2, removed);
        Assert.Equal([5L], (await Store.GetLogsAsync(Chain, Pool, Ct)).Select(l => l.Log.Block).ToList());
        Assert.Equal([5L], (await Store.GetBlocksAsync(Chain, 100, 10, Ct)).Select(b => b.Number).ToList());
        Assert.Equal(11, (await Store.GetCheckpointAsync(Chain, Pool, Ct))!.Block);
    }

    [Fact]
    public async Task SaveOpeningBalancesAsync_ReplacesEarlierBalanceOfSameAsset()
    {
        await Store.SaveOpeningBalancesAsync([new ReserveBalance(Chain, Pool, "0xa", 9, 100m, 40m)], Ct);
        await Store.SaveOpeningBalancesAsync([new ReserveBalance(Chain, Pool, "0xa", 9, 101.25m, 40m)], Ct);
        var balance = Assert.Single(await Store.GetOpeningBalancesAsync(Chain, Pool, Ct));
        Assert.Equal(101.25m, balance.Supplied);
    }

    [Fact]
    public async Task GetLogsAsync_ReturnsLogExactlyAsAppended_ThroughTheFixedSizeColumns()
    {
        // Hashes and addresses at both ends of their range (all zero, all ff, leading zeros), words with leading zeros, an
        // all-zero and a full 32-byte word and a data tail that is not a whole word, and amounts at the edges of DECIMAL(38, 18).
        var full = "0x" + string.Concat(Enumerable.Repeat("ff", 32));
        byte[] data = [.. new byte[31], 7, .. new byte[32], .. Enumerable.Repeat((byte)0xee, 32), 0, 0, 9];
        var log = new ChainLog(Chain, 42, full, H(0), 3, DateTimeOffset.FromUnixTimeSeconds(1_700_000_504), Pool, [H(0), H(0x1234), full], data);
        var flow = new FlowEvent(Chain, log.TransactionHash, 3, 42, log.Timestamp, "aave_v3_usdc", FlowKind.Borrow, -0.000000000000000001m,
            "0x" + new string('f', 40));
        var large = Log(43, 0, 79228162514.264337593543950335m);
        var scaled = Log(43, 1, 1.5000000000000000000000000000m);
        var zeroAccount = Log(44, 0) with { Flow = Log(44, 0).Flow! with { Account = A(0), Kind = FlowKind.Liquidation } };
        await Store.AppendAsync(Batch(50, new PoolLog(log, flow), large, scaled, zeroAccount), Ct);

        var stored = await Store.GetLogsAsync(Chain, Pool, Ct);
        Assert.Equal(4, stored.Count);
        Assert.Equal(log with { Topics = stored[0].Log.Topics, Data = stored[0].Log.Data }, stored[0].Log);
        Assert.Equal(log.Topics, stored[0].Log.Topics);
        Assert.Equal(data, stored[0].Log.Data);
        Assert.Equal(flow, stored[0].Flow);
        Assert.Equal(large.Flow, stored[1].Flow);
        Assert.Equal(1.5m, stored[2].Flow!.Amount);
        Assert.Equal(zeroAccount.Flow, stored[3].Flow);
        Assert.Equal(zeroAccount.Log.TransactionHash, stored[3].Log.TransactionHash);
    }

    [Fact]
    public async Task GetLogsAsync_ReadsEachFirstTopicBack_FromSignatureIdsKeptAcrossBatchesAndReopening()
    {
        // The first topic is stored as an id of flow_signatures: the ids must survive a new batch and a reopened file, and an
        // upper-case topic reads back in lower case like every other topic.
        var path = Folder.File("signatures.duckdb");
        var upper = "0x" + H(0xabcdef)[2..].ToUpperInvariant();
        PoolLog With(PoolLog log, string first) => log with { Log = log.Log with { Topics = [first, H(8)] } };
        await using (var store = DuckDbFlowEventStore.Open(path))
            await store.AppendAsync(Batch(10, With(Log(5, 0), H(7)), With(Log(6, 0), upper)), Ct);
        await using (var store = DuckDbFlowEventStore.Open(path))
        {
            await store.AppendAsync(Batch(13, With(Log(11, 0), H(0xabcdef)), With(Log(11, 1), H(7)), With(Log(12, 0), H(3))), Ct);
            var firsts = (await store.GetLogsAsync(Chain, Pool, Ct)).Select(l => l.Log.Topics[0]).ToList();
            Assert.Equal([H(7), H(0xabcdef), H(0xabcdef), H(7), H(3)], firsts);
        }
    }

    [Fact]
    public async Task AppendAsync_RoundTripsEveryColumn_AcrossManyChunksWithNullFlowsBetween()
    {
        // The bulk path hands DuckDB 2,048 rows at a time and marks NULLs per chunk: 5,000 logs with a rate update (no flow)
        // every third log and no topics (no signature) every eleventh cross two chunk boundaries, so a NULL mark carried into
        // the next chunk would show here; four signatures in turn show a signature id written to the wrong row.
        var logs = Enumerable.Range(0, 5_000).Select(i =>
        {
            var block = 100 + i / 7;
            var log = new ChainLog(Chain, block, H(block * 31), H(1_000_000 + i), i % 7, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000 + block * 12),
                Pool, i % 11 == 10 ? [] : [H(9 + i % 4), H(i)], [(byte)i, (byte)(i >> 8)]);
            var flow = i % 3 == 2 ? null
                : new FlowEvent(Chain, log.TransactionHash, log.LogIndex, block, log.Timestamp, "market_" + (i % 5), (FlowKind)(i % 6),
                    i * 1.000001m, A(i * 7919L));
            return new PoolLog(log, flow);
        }).ToArray();
        var result = await Store.AppendAsync(Batch(900, logs), Ct);

        Assert.Equal(new FlowAppendResult(5_000, 0), result);
        var stored = await Store.GetLogsAsync(Chain, Pool, Ct);
        Assert.Equal(logs.Length, stored.Count);
        for (var i = 0; i < logs.Length; i++)
        {
            Assert.Equal(logs[i].Log with { Topics = stored[i].Log.Topics, Data = stored[i].Log.Data }, stored[i].Log);
            Assert.Equal(logs[i].Log.Topics, stored[i].Log.Topics);
            Assert.Equal(logs[i].Log.Data, stored[i].Log.Data);
            Assert.Equal(logs[i].Flow, stored[i].Flow);
        }
    }

    public static TheoryData<string, string> BadLogs => new()
    {
        { "text-tx", "the transaction hash 'sim-tx-17' is not 0x and 64 lower-case hex digits" },
        { "upper-tx", "is not 0x and 64 lower-case hex digits" },
        { "short-block-hash", "the block hash '0xabcdef' is not 0x and 64 lower-case hex digits" },
        { "empty-account", "the flow's account '' is not 0x and 40 lower-case hex digits" },
        { "too-precise", "the flow's amount 0.0000000000000000001 does not fit DECIMAL(38, 18) exactly" },
        { "too-large", "the flow's amount 100000000000000000000 does not fit DECIMAL(38, 18) exactly" },
        { "bad-emitter", "it was emitted by '0xFF', which is neither the batch's source" },
        { "flow-of-other-log", "its flow is keyed to another log" },
        { "five-topics", "A log has at most 4 topics, not 5." },
        { "short-first-topic", "its first topic '0x1234' is not 0x and 64 hex digits" },
        { "kind-past-a-byte", "the flow's kind 256 does not fit UTINYINT" },
    };

    [Theory]
    [MemberData(nameof(BadLogs))]
    public async Task AppendAsync_RefusesLogTheColumnsCannotHold_NamingItAndLeavingTheStoreAsItWas(string kind, string problem)
    {
        await Store.AppendAsync(Batch(10, Log(5, 0)), Ct);
        var good = Log(11, 0);
        var bad = kind switch
        {
            "text-tx" => good with { Log = good.Log with { TransactionHash = "sim-tx-17" }, Flow = null },
            "upper-tx" => good with { Log = good.Log with { TransactionHash = H(0xABC).ToUpperInvariant().Replace("0X", "0x") }, Flow = null },
            "short-block-hash" => good with { Log = good.Log with { BlockHash = "0xabcdef" } },
            "empty-account" => good with { Flow = good.Flow! with { Account = "" } },
            "too-precise" => good with { Flow = good.Flow! with { Amount = 0.0000000000000000001m } },
            "too-large" => good with { Flow = good.Flow! with { Amount = 100000000000000000000m } },
            "bad-emitter" => good with { Log = good.Log with { Address = "0xFF" } },
            "flow-of-other-log" => good with { Flow = good.Flow! with { LogIndex = 9 } },
            "five-topics" => good with { Log = good.Log with { Topics = [H(1), H(2), H(3), H(4), H(5)] } },
            "short-first-topic" => good with { Log = good.Log with { Topics = ["0x1234", H(2)] } },
            "kind-past-a-byte" => good with { Flow = good.Flow! with { Kind = (FlowKind)256 } },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        // Far past the first 2,048-row chunk, so rows were already handed to DuckDB when the bad one is met.
        var logs = Enumerable.Range(0, 3_000).Select(i => Log(12 + i, 0)).Append(bad).ToArray();

        var error = await Assert.ThrowsAsync<ForecasterException>(() => Store.AppendAsync(Batch(5_000, logs), Ct));

        Assert.Contains(problem, error.Message);
        Assert.Contains($"Log 3000 of the batch (block 11, tx {bad.Log.TransactionHash}, log index 0)", error.Message);
        Assert.Equal([5L], (await Store.GetLogsAsync(Chain, Pool, Ct)).Select(l => l.Log.Block).ToList());
        Assert.Equal(10, (await Store.GetCheckpointAsync(Chain, Pool, Ct))!.Block);
        Assert.Equal([10L, 5L], (await Store.GetBlocksAsync(Chain, 10_000, 10, Ct)).Select(b => b.Number).ToList());
    }

    [Fact]
    public async Task AppendAsync_RefusesBadLogOnTheMergePath_LeavingTheStoreAsItWas()
    {
        // A batch overlapping stored blocks goes through the staging table and the anti-join; a bad log there changes nothing either.
        await Store.AppendAsync(Batch(10, Log(5, 0), Log(6, 0)), Ct);
        var bad = Log(7, 0) with { Flow = Log(7, 0).Flow! with { Account = "0xABC" } };
        await Assert.ThrowsAsync<ForecasterException>(() => Store.AppendAsync(Batch(12, Log(5, 0), Log(6, 1), bad), Ct));
        Assert.Equal([(5L, 0L), (6L, 0L)], (await Store.GetLogsAsync(Chain, Pool, Ct)).Select(l => (l.Log.Block, l.Log.LogIndex)).ToList());
        Assert.Equal(10, (await Store.GetCheckpointAsync(Chain, Pool, Ct))!.Block);
    }

    [Fact]
    public async Task Sources_AreKeptApart_AndAKeyIsStoredOncePerChain()
    {
        const string other = "0x00000000000000000000000000000000000000b2";
        PoolLog OfOther(PoolLog l) => l with { Log = l.Log with { Address = other } };
        await Store.AppendAsync(Batch(10, Log(5, 0), Log(6, 0)), Ct);
        var otherBatch = new FlowLogBatch([BlockOf(Log(6, 0)), BlockOf(Log(8, 0))], [OfOther(Log(6, 0)), OfOther(Log(6, 1)), OfOther(Log(8, 0))],
            new ChainCheckpoint(Chain, other, 9, H(9)));
        var result = await Store.AppendAsync(otherBatch, Ct);

        // (tx, log index) of block 6 index 0 is already stored for the chain, whichever source read it.
        Assert.Equal(new FlowAppendResult(2, 1), result);
        Assert.Equal([(6L, 1L), (8L, 0L)], (await Store.GetLogsAsync(Chain, other, Ct)).Select(l => (l.Log.Block, l.Log.LogIndex)).ToList());
        Assert.All(await Store.GetLogsAsync(Chain, other, Ct), l => Assert.Equal(other, l.Log.Address));
    }

    [Fact]
    public async Task RollbackAsync_UndoesTheForkForEverySourceOfTheChain_AndMovesTheirCheckpointsBack()
    {
        // One source finds blocks from 7 on replaced; the other had read past them and must neither keep their logs nor stay
        // behind a checkpoint on a block the chain no longer has (it would be refused on its next batch).
        const string other = "0x00000000000000000000000000000000000000b2";
        PoolLog OfOther(PoolLog l) => l with { Log = l.Log with { Address = other } };
        await Store.AppendAsync(Batch(10, Log(5, 0), Log(8, 0)), Ct);
        await Store.AppendAsync(new FlowLogBatch([BlockOf(Log(6, 1)), BlockOf(Log(9, 1))], [OfOther(Log(6, 1)), OfOther(Log(9, 1))],
            new ChainCheckpoint(Chain, other, 9, H(9))), Ct);
        var third = "0x00000000000000000000000000000000000000c3";
        await Store.AppendAsync(new FlowLogBatch([BlockOf(Log(4, 2))], [Log(4, 2) with { Log = Log(4, 2).Log with { Address = third } }],
            new ChainCheckpoint(Chain, third, 4, H(4))), Ct);

        var removed = await Store.RollbackAsync(Chain, 7, new ChainBlock(Chain, 6, H(6), DateTimeOffset.UnixEpoch), Ct);

        Assert.Equal(2, removed);
        Assert.Equal([5L], (await Store.GetLogsAsync(Chain, Pool, Ct)).Select(l => l.Log.Block).ToList());
        Assert.Equal([6L], (await Store.GetLogsAsync(Chain, other, Ct)).Select(l => l.Log.Block).ToList());
        Assert.Equal(new ChainCheckpoint(Chain, Pool, 6, H(6)), await Store.GetCheckpointAsync(Chain, Pool, Ct));
        Assert.Equal(new ChainCheckpoint(Chain, other, 6, H(6)), await Store.GetCheckpointAsync(Chain, other, Ct));
        Assert.Equal(new ChainCheckpoint(Chain, third, 4, H(4)), await Store.GetCheckpointAsync(Chain, third, Ct));
        Assert.Equal([6L, 5L, 4L], (await Store.GetBlocksAsync(Chain, 10_000, 10, Ct)).Select(b => b.Number).ToList());
        // The new branch's block 8 (another hash) is accepted for the pool now.
        var reorged = Log(8, 0) with { Log = Log(8, 0).Log with { BlockHash = H(808) } };
        await Store.AppendAsync(new FlowLogBatch([BlockOf(reorged)], [reorged], new ChainCheckpoint(Chain, Pool, 8, H(808))), Ct);
        Assert.Equal([5L, 8L], (await Store.GetLogsAsync(Chain, Pool, Ct)).Select(l => l.Log.Block).ToList());
    }

    [Fact]
    public async Task AppendAsync_KeepsTheEmitter_OfALogReadWithTheSource()
    {
        // An aToken's Transfer is read in the pool's stream; it must read back as emitted by the aToken, not by the pool.
        var aToken = A(0xa7);
        var transfer = Log(6, 1) with { Log = Log(6, 1).Log with { Address = aToken } };
        await Store.AppendAsync(Batch(10, Log(6, 0), transfer, Log(7, 0)), Ct);

        var logs = await Store.GetLogsAsync(Chain, Pool, Ct);
        Assert.Equal([Pool, aToken, Pool], logs.Select(l => l.Log.Address).ToList());
        Assert.Equal(transfer.Log with { Topics = logs[1].Log.Topics, Data = logs[1].Log.Data }, logs[1].Log);
    }

    public static TheoryData<string, string> LogsDisagreeingWithTheirBlock => new()
    {
        { "other-hash", $"its block hash {H(99)} and time" },
        { "other-time", "differ from the batch's block 11" },
        { "no-block", "the batch holds no block 11" },
    };

    [Theory]
    [MemberData(nameof(LogsDisagreeingWithTheirBlock))]
    public async Task AppendAsync_RefusesLogWhoseBlockHashOrTimeIsNotItsBlocks_NamingIt(string kind, string problem)
    {
        // A log's block hash and time are read back from its block's row, so a log disagreeing with it would read back changed.
        await Store.AppendAsync(Batch(10, Log(5, 0)), Ct);
        var good = Log(11, 0);
        var (bad, blocks) = kind switch
        {
            "other-hash" => (good with { Log = good.Log with { BlockHash = H(99) } }, new[] { BlockOf(good) }),
            "other-time" => (good with { Log = good.Log with { Timestamp = good.Log.Timestamp.AddSeconds(1) } }, [BlockOf(good)]),
            "no-block" => (good, []),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var batch = new FlowLogBatch([.. blocks, BlockOf(Log(12, 0))], [Log(12, 0), bad], new ChainCheckpoint(Chain, Pool, 12, H(12)));

        var error = await Assert.ThrowsAsync<ForecasterException>(() => Store.AppendAsync(batch, Ct));

        Assert.Contains(problem, error.Message);
        Assert.Contains($"Log 1 of the batch (block 11, tx {good.Log.TransactionHash}, log index 0)", error.Message);
        Assert.Equal([5L], (await Store.GetLogsAsync(Chain, Pool, Ct)).Select(l => l.Log.Block).ToList());
        Assert.Equal(10, (await Store.GetCheckpointAsync(Chain, Pool, Ct))!.Block);
    }

    [Fact]
    public async Task AppendAsync_KeepsEachFlowsMarket_AcrossBatchesSharingMarketIds()
    {
        // Markets are stored as ids given on first sight: a later batch must reuse them and give a new market its own.
        PoolLog InMarket(PoolLog l, string market) => l with { Flow = l.Flow! with { Market = market } };
        await Store.AppendAsync(Batch(10, InMarket(Log(5, 0), "aave_v3_usdc"), InMarket(Log(6, 0), "aave_v3_weth")), Ct);
        await Store.AppendAsync(Batch(20, InMarket(Log(11, 0), "aave_v3_weth"), InMarket(Log(12, 0), "aave_v3_dai"), Log(13, 0, amount: null)), Ct);

        var markets = (await Store.GetLogsAsync(Chain, Pool, Ct)).Select(l => l.Flow?.Market).ToList();
        Assert.Equal(["aave_v3_usdc", "aave_v3_weth", "aave_v3_weth", "aave_v3_dai", null], markets);
    }

    [Fact]
    public async Task AppendAsync_RefusesStoredBlockUnderAnotherHash_UntilItIsRolledBack()
    {
        // Stored logs read their block hash from chain_blocks: replacing a stored block without a rollback would change them.
        await Store.AppendAsync(Batch(10, Log(5, 0)), Ct);
        var reorganised = Log(5, 1) with { Log = Log(5, 1).Log with { BlockHash = H(55) } };

        var error = await Assert.ThrowsAsync<ForecasterException>(() => Store.AppendAsync(Batch(12, reorganised), Ct));

        Assert.Contains($"Block 5 is stored as {H(5)}", error.Message);
        var stored = Assert.Single(await Store.GetLogsAsync(Chain, Pool, Ct));
        Assert.Equal(Log(5, 0).Log with { Topics = stored.Log.Topics, Data = stored.Log.Data }, stored.Log);
        await Store.RollbackAsync(Chain, 5, new ChainBlock(Chain, 4, H(4), DateTimeOffset.UnixEpoch), Ct);
        await Store.AppendAsync(Batch(12, reorganised), Ct);
        Assert.Equal(H(55), Assert.Single(await Store.GetLogsAsync(Chain, Pool, Ct)).Log.BlockHash);
    }

    [Theory]
    [InlineData("VARCHAR", "hashes as text")]
    [InlineData("BLOB", "hashes as variable-length BLOBs")]
    [InlineData("UHUGEINT", "no emitter column")]
    [InlineData("UHUGEINT with emitter", "a block hash and timestamp per log")]
    [InlineData("UHUGEINT with text markets", "markets as text")]
    [InlineData("UHUGEINT with the first topic in the payload", "the first topic in the payload")]
    public async Task Open_RefusesStoreInAnOlderLayout_NamingTheFile(string txHashType, string layout)
    {
        var path = Folder.File("old-layout.duckdb");
        await using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = txHashType switch
            {
                "UHUGEINT" => "CREATE TABLE flow_events (stream INTEGER, tx_hash_hi UHUGEINT, tx_hash_lo UHUGEINT, log_index BIGINT)",
                "UHUGEINT with emitter" => "CREATE TABLE flow_events (stream INTEGER, tx_hash_hi UHUGEINT, tx_hash_lo UHUGEINT, log_index BIGINT, " +
                    "block BIGINT, block_hash_hi UHUGEINT, block_hash_lo UHUGEINT, ts BIGINT, emitter_hi UHUGEINT, emitter_lo UINTEGER)",
                "UHUGEINT with text markets" => "CREATE TABLE flow_events (stream INTEGER, tx_hash_hi UHUGEINT, tx_hash_lo UHUGEINT, log_index BIGINT, " +
                    "block BIGINT, payload BLOB, market VARCHAR, kind INTEGER, emitter_hi UHUGEINT, emitter_lo UINTEGER)",
                "UHUGEINT with the first topic in the payload" => "CREATE TABLE flow_events (stream INTEGER, tx_hash_hi UHUGEINT, tx_hash_lo UHUGEINT, " +
                    "log_index BIGINT, block BIGINT, payload BLOB, market INTEGER, kind UTINYINT, emitter_hi UHUGEINT, emitter_lo UINTEGER)",
                _ => $"CREATE TABLE flow_events (chain VARCHAR, source {txHashType}, tx_hash {txHashType}, log_index BIGINT)",
            };
            command.ExecuteNonQuery();
        }
        var error = Assert.Throws<ForecasterException>(() => DuckDbFlowEventStore.Open(path));
        Assert.Contains($"older layout ({layout})", error.Message);
        Assert.Contains("old-layout.duckdb", error.Message);
    }
}
