using Forecaster.Chain.Aave;
using Forecaster.Chain.Rpc;
using Forecaster.Flows;
using Forecaster.Pipeline;

namespace Forecaster.Chain.Ingestion;

/// <summary>
/// Follows one Aave-v3-style pool: checks the chain id, detects and rolls back reorganised blocks, reads final blocks' logs
/// from the checkpoint on in adaptive ranges, stores each batch with its block hashes and new checkpoint atomically, then
/// rebuilds the pool's hourly market state and reconciles it with the pool's own totals. Hours are valued at the stored hourly
/// prices of <paramref name="prices"/> where it has the reserve's symbol, otherwise at a fixed price.
/// </summary>
public sealed class PoolIngestor(JsonRpcClient rpc, IFlowEventStore flows, IMarketStore? markets, PoolIngestOptions options, Action<string>? log = null,
    IPriceStore? prices = null)
{
    private IReadOnlySet<string>? _pricedSymbols;
    private readonly string _pool = options.Pool.ToLowerInvariant();
    private readonly Dictionary<string, ReserveInfo> _reserves = new();
    private readonly Dictionary<string, string> _aTokenAssets = new(); // underlying asset by aToken address
    private readonly PoolStateReader _state = new(rpc, options.Chain, options.Pool.ToLowerInvariant());

    /// <summary>Runs once, up to the latest final block (or <see cref="PoolIngestOptions.ToBlock"/>).</summary>
    /// <exception cref="ChainMismatchException">The node serves another chain.</exception>
    /// <exception cref="ChainRpcException">The node failed beyond retries.</exception>
    public async Task<IngestReport> RunAsync(CancellationToken cancellationToken = default)
    {
        options.Validate();
        var chain = options.Chain;
        var expected = ChainIds.Known[chain];
        var chainId = await rpc.GetChainIdAsync(cancellationToken).ConfigureAwait(false);
        if (chainId != expected) throw new ChainMismatchException(rpc.MaskedUrl, chainId, chain, expected);

        var tip = await rpc.GetBlockNumberAsync(cancellationToken).ConfigureAwait(false);
        var final = tip - options.Confirmations;
        var to = Math.Min(options.ToBlock ?? final, final);

        var (checkpoint, rolledBack, reorgFrom) = await CheckReorgAsync(cancellationToken).ConfigureAwait(false);
        long from;
        if (checkpoint is null)
        {
            from = options.FromBlock;
            if (from > 0 && from - 1 <= to) await SaveOpeningsAsync(from - 1, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            from = checkpoint.Block + 1;
        }

        var addresses = from <= to ? await LogAddressesAsync(to, cancellationToken).ConfigureAwait(false) : [_pool];
        var topics = addresses.Count > 1 ? AaveV3PoolEvents.AllTopicsWithTransfers : AaveV3PoolEvents.AllTopics;
        var planner = new LogRangePlanner(options.InitialSpan, 1, options.MaxSpan);
        long read = 0, inserted = 0, already = 0;
        var rejected = new List<string>();
        // During a backfill ranges are gathered into larger commits; a run that stops before a commit leaves the store at the
        // previous one, and the next run reads those ranges again from the checkpoint.
        var pending = new PendingRanges();
        for (var start = from; start <= to;)
        {
            var end = planner.EndOf(start, to);
            IReadOnlyList<RpcLog> logs;
            try
            {
                logs = await rpc.GetLogsAsync(addresses, topics, start, end, cancellationToken).ConfigureAwait(false);
            }
            catch (LogRangeTooLargeException refused)
            {
                if (!planner.OnRefused(end - start + 1)) throw;
                log?.Invoke($"node refused blocks {start}-{end} ({refused.NodeMessage}); trying {planner.Span} blocks");
                continue;
            }
            planner.OnSucceeded(end - start + 1, logs.Count);
            var batch = await BuildBatchAsync(logs, end, rejected, cancellationToken).ConfigureAwait(false);
            if (batch is null) continue; // a block changed under us while reading: read the range again
            read += logs.Count;
            pending.Add(batch, start);
            start = end + 1;
            if (start <= to && !pending.IsDue(options)) continue;
            var (first, result) = await pending.CommitAsync(flows, cancellationToken).ConfigureAwait(false);
            inserted += result.Inserted;
            already += result.AlreadyStored;
            log?.Invoke($"blocks {first}-{end}: {result.Inserted + result.AlreadyStored} logs, {result.Inserted} new");
        }

        var (hours, drifts, transfers) = await AggregateAsync(cancellationToken).ConfigureAwait(false);
        return new IngestReport(chainId, from, Math.Max(to, from - 1), read, inserted, already, rejected.Take(20).ToList(),
            rolledBack, reorgFrom, planner.Refusals, hours, drifts, transfers);
    }

    // Compares the newest stored block of the chain with the chain's; on a mismatch walks back the stored blocks to the newest
    // one the chain still has and rolls everything after it back, for every source of the chain, so those blocks are read
    // again. The newest block, not this source's checkpoint: another pool of the same chain may have stored blocks past it,
    // and a reorg there would otherwise meet this source's next batch as a stored block with another hash.
    private async Task<(ChainCheckpoint? Checkpoint, long RolledBack, long? ReorgFrom)> CheckReorgAsync(CancellationToken ct)
    {
        var checkpoint = await flows.GetCheckpointAsync(options.Chain, _pool, ct).ConfigureAwait(false);
        var newest = (await flows.GetBlocksAsync(options.Chain, long.MaxValue, 1, ct).ConfigureAwait(false)).FirstOrDefault();
        if (newest is null) return (checkpoint, 0, null);
        var onChain = await rpc.GetBlockAsync(newest.Number, ct).ConfigureAwait(false);
        if (onChain?.Hash == newest.Hash) return (checkpoint, 0, null);

        var stored = await flows.GetBlocksAsync(options.Chain, newest.Number, PoolIngestOptions.Defaults.ReorgSearchDepth, ct).ConfigureAwait(false);
        ChainBlock? ancestor = null;
        // Stored blocks are asked for a batch at a time, newest first: a reorg d blocks deep costs d / ReorgBatch round trips.
        foreach (var chunk in stored.Chunk(PoolIngestOptions.Defaults.ReorgBatch))
        {
            var current = await rpc.FindBlocksAsync(chunk.Select(b => b.Number).ToList(), chunk.Length, ct).ConfigureAwait(false);
            ancestor = chunk.Where((block, i) => current[i]?.Hash == block.Hash).FirstOrDefault();
            if (ancestor is not null) break;
        }
        // No stored block survived: start again from the configured first block.
        var fromBlock = ancestor is null ? options.FromBlock : ancestor.Number + 1;
        var removed = await flows.RollbackAsync(options.Chain, fromBlock, ancestor, ct).ConfigureAwait(false);
        log?.Invoke($"reorg: block {newest.Number} hash changed; rolled back {removed} logs from block {fromBlock}");
        return (await flows.GetCheckpointAsync(options.Chain, _pool, ct).ConfigureAwait(false), removed, fromBlock);
    }

    private async Task<FlowLogBatch?> BuildBatchAsync(IReadOnlyList<RpcLog> logs, long end, List<string> rejected, CancellationToken ct)
    {
        var numbers = logs.Select(l => l.Block).Append(end).Distinct().Order().ToList();
        var blocks = (await rpc.GetBlocksAsync(numbers, cancellationToken: ct).ConfigureAwait(false)).ToDictionary(b => b.Number);
        var poolLogs = new List<PoolLog>(logs.Count);
        foreach (var raw in logs)
        {
            // A log whose block hash differs from the block's now comes from a branch that was just replaced.
            if (raw.Removed || blocks[raw.Block].Hash != raw.BlockHash) return null;
            var chainLog = new ChainLog(options.Chain, raw.Block, raw.BlockHash, raw.TransactionHash, raw.LogIndex,
                blocks[raw.Block].Timestamp, raw.Address, raw.Topics, raw.Data);
            var ev = PoolEventDecoder.TryDecode(chainLog, out var rejection);
            if (rejection is not null) rejected.Add(rejection);
            FlowEvent? flow = null;
            if (ev is { Kind: PoolEventKind.ATokenTransfer } && _aTokenAssets.TryGetValue(ev.Reserve, out var underlying))
            {
                flow = PoolFlowMapper.ToFlow(chainLog, ev, await ReserveAsync(underlying, end, ct).ConfigureAwait(false));
            }
            else if (ev is not null && ev.Kind is not (PoolEventKind.ReserveDataUpdated or PoolEventKind.ATokenTransfer))
            {
                var info = await ReserveAsync(ev.Reserve, end, ct).ConfigureAwait(false);
                if (ev.DebtReserve is { } debt) await ReserveAsync(debt, end, ct).ConfigureAwait(false);
                flow = PoolFlowMapper.ToFlow(chainLog, ev, info);
            }
            poolLogs.Add(new PoolLog(chainLog, flow));
        }
        var chainBlocks = blocks.Values.Select(b => new ChainBlock(options.Chain, b.Number, b.Hash, b.Timestamp)).ToList();
        return new FlowLogBatch(chainBlocks, poolLogs, new ChainCheckpoint(options.Chain, _pool, end, blocks[end].Hash));
    }

    private async Task SaveOpeningsAsync(long block, CancellationToken ct)
    {
        IReadOnlyList<string> assets;
        try
        {
            assets = await _state.GetReservesAsync(block, ct).ConfigureAwait(false);
        }
        catch (RpcErrorException ex)
        {
            // A pool without getReservesList (or not yet deployed at that block) starts from zero balances.
            log?.Invoke($"no opening balances at block {block}: {ex.NodeMessage}; balances start at zero");
            return;
        }
        var balances = new List<ReserveBalance>();
        foreach (var asset in assets)
        {
            var info = await ReserveAsync(asset, block, ct).ConfigureAwait(false);
            balances.Add(await _state.GetBalanceAsync(asset, info.Decimals, block, ct).ConfigureAwait(false));
        }
        await flows.SaveOpeningBalancesAsync(balances, ct).ConfigureAwait(false);
    }

    private async Task<ReserveInfo> ReserveAsync(string asset, long block, CancellationToken ct)
    {
        if (_reserves.TryGetValue(asset, out var known)) return known;
        var (symbol, decimals) = await _state.GetTokenAsync(asset, block, ct).ConfigureAwait(false);
        _pricedSymbols ??= prices is null ? new HashSet<string>()
            : (await prices.GetPriceSymbolsAsync(ct).ConfigureAwait(false)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        // NaN: no fixed price, valued from the stored hourly prices only.
        var price = UsdPricing.PriceOf(symbol, options.UsdPrices) ?? (_pricedSymbols.Contains(symbol) ? double.NaN
            : throw new ForecasterException($"Reserve {symbol} ({asset}) of pool {_pool} has no USD price: pass --usd-price {symbol}=PRICE, or store its hourly prices with 'forecaster ingest prices'."));
        var name = options.MarketPrefix + "_" + new string(symbol.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        return _reserves[asset] = new ReserveInfo(asset, symbol, decimals, name, price);
    }

    // The pool and, unless turned off, the aTokens of the reserves it lists at the last block to read: aToken addresses never
    // change, and an aToken has no logs before its reserve exists, so one list serves every range of the run.
    private async Task<IReadOnlyList<string>> LogAddressesAsync(long block, CancellationToken ct)
    {
        if (!options.ATokenTransfers) return [_pool];
        try
        {
            foreach (var asset in await _state.GetReservesAsync(block, ct).ConfigureAwait(false))
                await ATokenOfAsync(asset, block, ct).ConfigureAwait(false);
        }
        catch (RpcErrorException ex)
        {
            log?.Invoke($"no aToken transfers read: the pool does not list its reserves at block {block} ({ex.NodeMessage})");
        }
        return [_pool, .. _aTokenAssets.Keys.Order(StringComparer.Ordinal)];
    }

    private async Task ATokenOfAsync(string asset, long block, CancellationToken ct)
    {
        if (_aTokenAssets.ContainsValue(asset)) return;
        var data = await _state.GetReserveDataAsync(asset, block, ct).ConfigureAwait(false);
        _aTokenAssets[data.AToken] = asset;
    }

    // Aggregates the logs stored since the newest saved aggregation point (all of them from the opening when none survives, or
    // with --reaggregate), upserts the hours that changed (from the point's last, partial hour on) and saves the new point after
    // them: a failure before the save leaves the old point, and the next run redoes the same hours.
    private async Task<(long Hours, IReadOnlyList<ReserveDrift> Drifts, IReadOnlyList<ATokenTransferSummary> Transfers)> AggregateAsync(CancellationToken ct)
    {
        var checkpoint = await flows.GetCheckpointAsync(options.Chain, _pool, ct).ConfigureAwait(false);
        if (checkpoint is null) return (0, [], []);
        var point = await SavedPointAsync(checkpoint, ct).ConfigureAwait(false);
        var logs = point is null
            ? await flows.GetLogsAsync(options.Chain, _pool, ct).ConfigureAwait(false)
            : await flows.GetLogsAfterAsync(options.Chain, _pool, point.Block, ct).ConfigureAwait(false);
        var balances = point is null ? await flows.GetOpeningBalancesAsync(options.Chain, _pool, ct).ConfigureAwait(false) : [];
        var known = point?.Reserves.Select(r => r.Asset) ?? balances.Select(o => o.Asset);
        foreach (var asset in known.Concat(logs.SelectMany(l => AssetsOf(l.Log))).Distinct())
            await ReserveAsync(asset, checkpoint.Block, ct).ConfigureAwait(false);
        var tipBlock = (await flows.GetBlocksAsync(options.Chain, checkpoint.Block, 1, ct).ConfigureAwait(false))[0];
        var book = await PriceBookAsync(tipBlock.Timestamp, ct).ConfigureAwait(false);
        var walk = point is null
            ? HourlyFlowAggregator.Open(await OpeningsAsync(balances, ct).ConfigureAwait(false), _reserves, log, book)
            : HourlyFlowAggregator.Resume(point, _reserves, book);
        walk.Apply(logs);
        var next = walk.Point(options.Chain, _pool, checkpoint.Block, tipBlock.Timestamp, options.MarketPrefix);
        var (batches, final) = walk.Finish(options.Chain, _pool, checkpoint.Block, tipBlock.Timestamp);
        await RefuseSharedMarketsAsync(next, ct).ConfigureAwait(false);
        log?.Invoke(point is null
            ? $"aggregated all {logs.Count} stored logs from the opening"
            : $"aggregated {logs.Count} logs after the saved point at block {point.Block}");
        foreach (var reserve in _reserves.Values.Where(r => final.ContainsKey(r.Asset)).OrderBy(r => r.MarketName, StringComparer.Ordinal))
            log?.Invoke("prices: " + book.Describe(reserve));
        long hours = 0;
        if (markets is not null && batches.Count > 0)
        {
            var results = await markets.UpsertAsync(batches, ct).ConfigureAwait(false);
            hours = batches.Sum(b => (long)b.Hours.Count);
            foreach (var r in results.Where(r => r.Removed > 0))
                log?.Invoke($"{r.Market}: removed {r.Removed} stored hours past the chain's tip (written from blocks a reorg replaced)");
        }
        // Without a market store no hour was written: a point would make a later run with one skip the hours before it.
        if (markets is not null) await flows.SaveAggregationAsync(next, PoolIngestOptions.Defaults.AggregationPoints, ct).ConfigureAwait(false);
        var drifts = options.Reconcile ? await ReconcileAsync(final, checkpoint.Block, tipBlock.Timestamp, ct).ConfigureAwait(false) : [];
        var transfers = options.ATokenTransfers ? await CheckTransfersAsync(logs, checkpoint.Block, ct).ConfigureAwait(false) : [];
        return (hours, drifts, transfers);
    }

    // The newest saved point to resume from, or null to aggregate from the opening: none survives, --reaggregate (which also
    // drops the saved points, so a failed rebuild never leaves one of the old ones behind), or a point of another market prefix.
    private async Task<AggregationPoint?> SavedPointAsync(ChainCheckpoint checkpoint, CancellationToken ct)
    {
        if (options.Reaggregate)
        {
            await flows.ClearAggregationAsync(options.Chain, _pool, ct).ConfigureAwait(false);
            return null;
        }
        var point = await flows.GetAggregationAsync(options.Chain, _pool, ct).ConfigureAwait(false);
        if (point is null) return null;
        if (point.MarketPrefix != options.MarketPrefix)
            throw new ForecasterException(
                $"The saved aggregation of pool {_pool} on {options.Chain} (up to block {point.Block}) writes markets {point.MarketPrefix}_*, " +
                $"this run names them {options.MarketPrefix}_*: pass --market {point.MarketPrefix}, or --reaggregate to rebuild every hour under the new names.");
        // A rollback removes points past the fork with the logs, so a point past the checkpoint cannot be trusted: start over.
        if (point.Block <= checkpoint.Block) return point;
        log?.Invoke($"the saved aggregation point at block {point.Block} is past the checkpoint {checkpoint.Block}; aggregating from the opening");
        return null;
    }

    // Two pools writing the same market would overwrite each other's hours.
    private async Task RefuseSharedMarketsAsync(AggregationPoint point, CancellationToken ct)
    {
        foreach (var reserve in point.Reserves)
            if (await flows.FindMarketWriterAsync(reserve.Market, options.Chain, _pool, ct).ConfigureAwait(false) is { } other)
                throw new ForecasterException(
                    $"Market {reserve.Market} is already written by pool {other.Source} on {other.Chain}: give pool {_pool} another --market prefix.");
    }

    private async Task<IReadOnlyList<ATokenTransferSummary>> CheckTransfersAsync(IReadOnlyList<PoolLog> logs, long block, CancellationToken ct)
    {
        try
        {
            foreach (var asset in _reserves.Keys) await ATokenOfAsync(asset, block, ct).ConfigureAwait(false);
        }
        catch (RpcErrorException ex)
        {
            log?.Invoke($"cannot cross-check aToken transfers: {ex.NodeMessage}");
            return [];
        }
        var summaries = ATokenTransferCheck.Check(logs, _aTokenAssets.Values.ToHashSet(), _reserves);
        foreach (var mismatch in summaries.SelectMany(s => s.Mismatches)) log?.Invoke("aToken transfers: " + mismatch);
        return summaries;
    }

    // Stored hourly prices up to the last block's hour, by asset, for the reserves whose symbol the price store has.
    private async Task<UsdPriceBook> PriceBookAsync(DateTimeOffset until, CancellationToken ct)
    {
        if (prices is null) return UsdPriceBook.Fixed;
        var stored = new Dictionary<string, Forecaster.Prices.PriceHour[]>();
        foreach (var reserve in _reserves.Values)
        {
            var symbol = _pricedSymbols?.FirstOrDefault(s => string.Equals(s, reserve.Symbol, StringComparison.OrdinalIgnoreCase));
            if (symbol is null) continue;
            var hours = await prices.GetPricesAsync(symbol, to: until, cancellationToken: ct).ConfigureAwait(false);
            if (hours.Count > 0) stored[reserve.Asset] = hours.ToArray();
        }
        return new UsdPriceBook(stored);
    }

    // The store keeps the opening totals; the indexes that turn them into scaled balances are read again from the opening block.
    private async Task<IReadOnlyList<ReserveOpening>> OpeningsAsync(IReadOnlyList<ReserveBalance> balances, CancellationToken ct)
    {
        var openings = new List<ReserveOpening>(balances.Count);
        foreach (var balance in balances)
        {
            var block = await rpc.GetBlockAsync(balance.Block, ct).ConfigureAwait(false);
            ReserveIndexes? indexes = null;
            try
            {
                indexes = (await _state.GetReserveDataAsync(balance.Asset, balance.Block, ct).ConfigureAwait(false)).Indexes;
            }
            catch (RpcErrorException ex)
            {
                log?.Invoke($"cannot read the indexes of {balance.Asset} at opening block {balance.Block}: {ex.NodeMessage}");
            }
            openings.Add(new ReserveOpening(balance, indexes, block?.Timestamp.ToUnixTimeSeconds() ?? 0));
        }
        return openings;
    }

    private async Task<IReadOnlyList<ReserveDrift>> ReconcileAsync(IReadOnlyDictionary<string, ReserveState> final, long block, DateTimeOffset at, CancellationToken ct)
    {
        var drifts = new List<ReserveDrift>();
        foreach (var (asset, state) in final.OrderBy(kv => _reserves[kv.Key].MarketName, StringComparer.Ordinal))
        {
            var info = _reserves[asset];
            ReserveBalance onChain;
            try
            {
                onChain = await _state.GetBalanceAsync(asset, info.Decimals, block, ct).ConfigureAwait(false);
            }
            catch (RpcErrorException ex)
            {
                log?.Invoke($"cannot reconcile {info.MarketName}: {ex.NodeMessage}");
                continue;
            }
            var seconds = at.ToUnixTimeSeconds();
            var drift = new ReserveDrift(info.MarketName, block, state.SuppliedAt(seconds), onChain.Supplied, state.BorrowedAt(seconds), onChain.Borrowed);
            drifts.Add(drift);
            if (!drift.Agrees) log?.Invoke("reconciliation: " + drift);
        }
        return drifts;
    }

    private static IEnumerable<string> AssetsOf(ChainLog chainLog)
    {
        var ev = PoolEventDecoder.TryDecode(chainLog, out _);
        if (ev is null || ev.Kind == PoolEventKind.ATokenTransfer) yield break;
        yield return ev.Reserve;
        if (ev.DebtReserve is { } debt) yield return debt;
    }
}
