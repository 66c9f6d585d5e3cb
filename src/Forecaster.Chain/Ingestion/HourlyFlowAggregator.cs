using System.Numerics;
using Forecaster.Chain.Aave;
using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Pipeline;

namespace Forecaster.Chain.Ingestion;

/// <summary>
/// Replays a pool's stored logs, from the opening balances, into the hourly market state the rest of Forecaster reads:
/// one <see cref="MarketHour"/> per reserve per UTC hour from its first event (or opening) to the last block read, each the
/// state at the end of that hour (the last, partial hour: at the last block read), valued in USD by a <see cref="UsdPriceBook"/>.
/// Balances are tracked as the pool tracks them, scaled by the indexes of <c>ReserveDataUpdated</c>, and each hour's state
/// brings the indexes forward to the hour's last second (deposits linearly, debt compounded), so it includes the interest
/// accrued since the last event. Variable debt only: stable debt (retired in Aave v3.2) is counted at its principal's index.
/// <para>
/// One instance is one walk over the logs in chain order. It can stop after any block as an <see cref="AggregationPoint"/> and
/// be resumed from it (<see cref="Resume"/>) with the later logs, giving the same hours and balances as one walk over all of
/// them: the point holds every value the walk carries, exactly, and is taken with every hour before the last block's closed.
/// </para>
/// </summary>
public sealed class HourlyFlowAggregator
{
    /// <summary>Version of what a saved point holds; a point of another version is not resumed from.</summary>
    public const int Format = 1;

    private readonly IReadOnlyDictionary<string, ReserveInfo> _reserves;
    private readonly UsdPriceBook _prices;
    private readonly Dictionary<string, ReserveState> _states = new();
    private readonly Dictionary<string, List<MarketHour>> _hours = new();
    private readonly Dictionary<string, DateTimeOffset> _currentHour = new();
    private readonly Dictionary<string, ReserveBalance> _pendingOpenings = new();

    private HourlyFlowAggregator(IReadOnlyDictionary<string, ReserveInfo> reserves, UsdPriceBook? prices)
    {
        _reserves = reserves;
        _prices = prices ?? UsdPriceBook.Fixed;
    }

    /// <summary>The hours of every reserve, and each reserve's final state, from one walk over all the logs.</summary>
    /// <param name="logs">Stored logs in chain order.</param>
    /// <param name="openings">Opening balances by asset (empty when read from the pool's deployment).</param>
    /// <param name="reserves">Reserve metadata by asset; logs of other assets are skipped.</param>
    /// <param name="chain">Chain name.</param>
    /// <param name="pool">Pool address.</param>
    /// <param name="lastBlock">Last block read (the checkpoint).</param>
    /// <param name="lastTimestamp">Its timestamp.</param>
    /// <param name="note">Receives what could not be done exactly (an opening without its block's indexes).</param>
    /// <param name="prices">USD prices per hour; every reserve at its fixed price when null.</param>
    public static (IReadOnlyList<MarketBatch> Batches, IReadOnlyDictionary<string, ReserveState> Final) Aggregate(
        IReadOnlyList<PoolLog> logs,
        IReadOnlyList<ReserveOpening> openings,
        IReadOnlyDictionary<string, ReserveInfo> reserves,
        string chain, string pool, long lastBlock, DateTimeOffset lastTimestamp, Action<string>? note = null, UsdPriceBook? prices = null)
    {
        var walk = Open(openings, reserves, note, prices);
        walk.Apply(logs);
        return walk.Finish(chain, pool, lastBlock, lastTimestamp);
    }

    /// <summary>Starts a walk at the opening balances (none when the logs start at the pool's deployment).</summary>
    /// <param name="openings">Opening balances by asset.</param>
    /// <param name="reserves">Reserve metadata by asset; logs of other assets are skipped.</param>
    /// <param name="note">Receives what could not be done exactly (an opening without its block's indexes).</param>
    /// <param name="prices">USD prices per hour; every reserve at its fixed price when null.</param>
    public static HourlyFlowAggregator Open(IReadOnlyList<ReserveOpening> openings, IReadOnlyDictionary<string, ReserveInfo> reserves,
        Action<string>? note = null, UsdPriceBook? prices = null)
    {
        var walk = new HourlyFlowAggregator(reserves, prices);
        foreach (var opening in openings.Where(o => reserves.ContainsKey(o.Balance.Asset)))
        {
            var balance = opening.Balance;
            var state = walk._states[balance.Asset] = new ReserveState(reserves[balance.Asset].Decimals) { LastBlock = balance.Block };
            if (opening.Indexes is { } indexes)
            {
                state.Indexes = indexes;
                state.RatesKnown = true;
                OpenBalance(state, balance, opening.OpenedAt);
            }
            else
            {
                // Without the opening block's indexes the totals are converted at the first rate update's: interest between
                // the two is missed (reconciliation shows it), but nothing is counted at a wrong index.
                walk._pendingOpenings[balance.Asset] = balance;
                note?.Invoke($"{reserves[balance.Asset].MarketName}: no indexes at opening block {balance.Block}; the opening balances take the first rate update's index");
            }
        }
        return walk;
    }

    /// <summary>Continues a walk from a saved point; feed it only the logs after <see cref="AggregationPoint.Block"/>.</summary>
    /// <param name="point">The saved point.</param>
    /// <param name="reserves">Reserve metadata by asset; must name every reserve of the point with the same market and decimals.</param>
    /// <param name="prices">USD prices per hour; every reserve at its fixed price when null.</param>
    /// <exception cref="ForecasterException">The point was saved by another format, or with other market names or decimals.</exception>
    public static HourlyFlowAggregator Resume(AggregationPoint point, IReadOnlyDictionary<string, ReserveInfo> reserves, UsdPriceBook? prices = null)
    {
        ArgumentNullException.ThrowIfNull(point);
        string Refuse(string why) => throw new ForecasterException(
            $"The saved aggregation of pool {point.Source} on {point.Chain} (up to block {point.Block}) {why}; " +
            "run 'forecaster ingest rpc' with --reaggregate to rebuild it from all stored logs.");
        if (point.Format != Format) Refuse($"was written in format {point.Format}, this version reads format {Format}");
        var walk = new HourlyFlowAggregator(reserves, prices);
        foreach (var saved in point.Reserves)
        {
            if (!reserves.TryGetValue(saved.Asset, out var info)) Refuse($"has reserve {saved.Asset}, which this run does not know");
            else if (info.MarketName != saved.Market || info.Decimals != saved.Decimals)
                Refuse($"names reserve {saved.Asset} {saved.Market} with {saved.Decimals} decimals, this run {info.MarketName} with {info.Decimals}");
            walk._states[saved.Asset] = ReserveState.FromAggregation(saved);
            if (saved.CurrentHour is { } hour) walk._currentHour[saved.Asset] = hour;
            if (saved.PendingOpening is { } pending) walk._pendingOpenings[saved.Asset] = pending;
        }
        return walk;
    }

    /// <summary>Walks the next logs (chain order, all after the logs walked before).</summary>
    public void Apply(IReadOnlyList<PoolLog> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        foreach (var (log, _) in logs)
        {
            var ev = PoolEventDecoder.TryDecode(log, out _);
            // aToken transfers move no reserve balance: mints and burns mirror the Pool events, and holder transfers are no flow.
            if (ev is null || ev.Kind == PoolEventKind.ATokenTransfer) continue;
            var hour = HourlyGrid.Floor(log.Timestamp);
            foreach (var asset in AssetsOf(ev))
            {
                if (!_reserves.TryGetValue(asset, out var info)) continue;
                if (!_states.TryGetValue(asset, out var state)) _states[asset] = state = new ReserveState(info.Decimals);
                CloseHoursBefore(hour, asset, info, state, lastTimestamp: null);
                ApplyEvent(ev, asset, info, state, log.Timestamp.ToUnixTimeSeconds());
                if (ev.Kind == PoolEventKind.ReserveDataUpdated && _pendingOpenings.Remove(asset, out var pending))
                    OpenBalance(state, pending, log.Timestamp.ToUnixTimeSeconds());
                state.LastBlock = log.Block;
            }
        }
    }

    /// <summary>
    /// Closes every hour before the hour of <paramref name="lastTimestamp"/> and returns where the walk stands: the point to resume
    /// from with the logs after <paramref name="lastBlock"/>. Take it after the last <see cref="Apply"/> and before <see cref="Finish"/>.
    /// </summary>
    /// <param name="chain">Chain name.</param>
    /// <param name="pool">Pool address.</param>
    /// <param name="lastBlock">Last block walked (the checkpoint).</param>
    /// <param name="lastTimestamp">Its timestamp.</param>
    /// <param name="marketPrefix">The run's market name prefix, kept to refuse a resume under another.</param>
    public AggregationPoint Point(string chain, string pool, long lastBlock, DateTimeOffset lastTimestamp, string marketPrefix)
    {
        CloseCompleteHours(lastTimestamp);
        var reserves = _states.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Value.ToAggregation(kv.Key, _reserves[kv.Key], _currentHour.TryGetValue(kv.Key, out var h) ? h : null, _pendingOpenings.GetValueOrDefault(kv.Key)))
            .ToList();
        return new AggregationPoint(chain, pool, lastBlock, Format, marketPrefix, reserves);
    }

    /// <summary>
    /// Ends the walk at the last block: the hours closed since it started, up to and including the last block's partial hour, and
    /// each reserve's final state. The walk cannot go on after this (take a <see cref="Point"/> first to resume later).
    /// </summary>
    /// <param name="chain">Chain name.</param>
    /// <param name="pool">Pool address.</param>
    /// <param name="lastBlock">Last block walked (the checkpoint).</param>
    /// <param name="lastTimestamp">Its timestamp.</param>
    public (IReadOnlyList<MarketBatch> Batches, IReadOnlyDictionary<string, ReserveState> Final) Finish(string chain, string pool, long lastBlock, DateTimeOffset lastTimestamp)
    {
        // Complete hours first, as a saved point has them: a resumed walk then gives the same hours as one that never stopped.
        CloseCompleteHours(lastTimestamp);
        // A reserve that never had a rate update keeps its initial indexes; its opening counts at them from the last, partial hour.
        foreach (var (asset, pending) in _pendingOpenings) OpenBalance(_states[asset], pending, _states[asset].Indexes.UpdatedAt);
        _pendingOpenings.Clear();
        var end = HourlyGrid.Floor(lastTimestamp);
        var batches = new List<MarketBatch>();
        foreach (var (asset, state) in _states)
        {
            var info = _reserves[asset];
            if (!_currentHour.ContainsKey(asset)) _currentHour[asset] = end;
            CloseHoursBefore(end + HourlyGrid.Step, asset, info, state, lastTimestamp, lastBlock);
            var market = new Market(info.MarketName, "aave-v3", chain, info.Symbol, pool);
            // The walk is the canonical branch's whole account from its first hour on: after a reorg it must replace the
            // orphaned branch's hours even where they carry a later stamp, and remove those past the new tip.
            batches.Add(new MarketBatch(market, _hours.TryGetValue(asset, out var list) ? list : []) { Authoritative = true });
        }
        return (batches, _states);
    }

    // Every hour before the last block's, of every reserve that has events: they can no longer change.
    private void CloseCompleteHours(DateTimeOffset lastTimestamp)
    {
        var end = HourlyGrid.Floor(lastTimestamp);
        foreach (var (asset, state) in _states)
            if (_currentHour.ContainsKey(asset)) CloseHoursBefore(end, asset, _reserves[asset], state, lastTimestamp: null);
    }

    private static IEnumerable<string> AssetsOf(PoolEvent ev)
    {
        yield return ev.Reserve;
        if (ev.DebtReserve is { } debt && debt != ev.Reserve) yield return debt;
    }

    // The pool's totals at the opening include interest up to then; scaled at that moment's index they grow on from there.
    private static void OpenBalance(ReserveState state, ReserveBalance balance, long at)
    {
        state.Supply(TokenUnits.ToRaw(balance.Supplied, state.Decimals), at);
        state.Borrow(TokenUnits.ToRaw(balance.Borrowed, state.Decimals), at);
    }

    // Every amount is minted or burned at the index of the event's moment: in the same transaction that is the index of the
    // ReserveDataUpdated just applied, otherwise the last one brought forward, as the pool itself computes it.
    private static void ApplyEvent(PoolEvent ev, string asset, ReserveInfo info, ReserveState s, long at)
    {
        decimal Tokens(BigInteger raw) => TokenUnits.ToTokens(raw, info.Decimals);
        switch (ev.Kind)
        {
            case PoolEventKind.Supply:
                s.Supply(ev.Amount, at);
                s.FlowsThisHour = s.FlowsThisHour with { Deposits = s.FlowsThisHour.Deposits + Tokens(ev.Amount) };
                break;
            case PoolEventKind.Withdraw:
                s.Supply(-ev.Amount, at);
                s.FlowsThisHour = s.FlowsThisHour with { Withdrawals = s.FlowsThisHour.Withdrawals + Tokens(ev.Amount) };
                break;
            case PoolEventKind.Borrow:
                s.Borrow(ev.Amount, at);
                s.FlowsThisHour = s.FlowsThisHour with { Borrows = s.FlowsThisHour.Borrows + Tokens(ev.Amount) };
                break;
            case PoolEventKind.Repay:
                s.Borrow(-ev.Amount, at);
                s.FlowsThisHour = s.FlowsThisHour with { Repays = s.FlowsThisHour.Repays + Tokens(ev.Amount) };
                // Repaying with aTokens burns deposits as well as debt: the depositor withdrew to repay.
                if (ev.ATokensBurnedFrom is not null)
                {
                    s.Supply(-ev.Amount, at);
                    s.FlowsThisHour = s.FlowsThisHour with { Withdrawals = s.FlowsThisHour.Withdrawals + Tokens(ev.Amount) };
                }
                break;
            case PoolEventKind.LiquidationCall:
                if (asset == ev.DebtReserve) s.Borrow(-ev.DebtAmount, at);
                if (asset == ev.Reserve)
                {
                    s.LiquidatedThisHour += Tokens(ev.Amount);
                    // Collateral taken as aTokens stays deposited; taken as the underlying it leaves the reserve.
                    if (ev.ATokensBurnedFrom is not null) s.Supply(-ev.Amount, at);
                }
                break;
            case PoolEventKind.FlashLoan:
                // The loan nets to zero within the transaction; the premium reaches the suppliers through the liquidity index
                // (the pool raises it before emitting ReserveDataUpdated), so no balance changes here.
                break;
            case PoolEventKind.MintedToTreasury:
                // The treasury's accrued share becomes deposits, minted at the income index of the moment (the pool does not
                // update its indexes for it): no user's flow, but part of what the aToken's total supply reports.
                s.Supply(ev.Amount, at);
                break;
            case PoolEventKind.ReserveDataUpdated:
                s.Indexes = new ReserveIndexes(ev.LiquidityIndex, ev.VariableBorrowIndex, ev.LiquidityRate, ev.VariableBorrowRate, at);
                s.RatesKnown = true;
                break;
        }
    }

    // Emits the finished hours of a reserve up to (not including) `until`, carrying the state across hours without events. Only the
    // last, partial hour (at the end of the walk) passes the last block's time and number: every other hour ends within the logs.
    private void CloseHoursBefore(DateTimeOffset until, string asset, ReserveInfo info, ReserveState state, DateTimeOffset? lastTimestamp, long? lastBlock = null)
    {
        if (!_currentHour.TryGetValue(asset, out var hour))
        {
            _currentHour[asset] = until;
            return;
        }
        if (!_hours.TryGetValue(asset, out var list)) _hours[asset] = list = [];
        for (; hour < until; hour += HourlyGrid.Step)
        {
            var hourEnd = hour + HourlyGrid.Step;
            var isLast = lastTimestamp is { } last && hourEnd > last;
            // The state at the hour's last second (or the last block read), interest included up to then.
            var snapshot = (isLast ? lastTimestamp!.Value : hourEnd.AddSeconds(-1)).ToUnixTimeSeconds();
            var supplied = state.SuppliedAt(snapshot);
            var borrowed = state.BorrowedAt(snapshot);
            var price = _prices.PriceAt(info, hour);
            var quality = double.IsNaN(state.SupplyRatePct) ? DataQuality.MissingRates : DataQuality.None;
            if (borrowed > supplied) quality |= DataQuality.UtilizationAboveOne;
            list.Add(new MarketHour(hour,
                (double)supplied * price,
                (double)borrowed * price,
                (double)state.LiquidatedThisHour * price,
                state.SupplyRatePct, state.BorrowRatePct, quality,
                snapshot,
                isLast && lastBlock is { } b ? b : state.LastBlock)
            {
                Flows = new GrossFlows((double)state.FlowsThisHour.Deposits * price, (double)state.FlowsThisHour.Withdrawals * price,
                    (double)state.FlowsThisHour.Borrows * price, (double)state.FlowsThisHour.Repays * price),
                // Raw units, as the snapshot files count them, so hours from either source compare in the same unit.
                SuppliedTokens = (double)state.SuppliedRawAt(snapshot),
            });
            state.LiquidatedThisHour = 0;
            state.FlowsThisHour = default;
        }
        _currentHour[asset] = hour;
    }
}
