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
/// </summary>
public static class HourlyFlowAggregator
{
    /// <summary>The hours of every reserve, and each reserve's final state.</summary>
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
        prices ??= UsdPriceBook.Fixed;
        var states = new Dictionary<string, ReserveState>();
        var hours = new Dictionary<string, List<MarketHour>>();
        var currentHour = new Dictionary<string, DateTimeOffset>();
        var pendingOpenings = new Dictionary<string, ReserveBalance>();
        foreach (var opening in openings.Where(o => reserves.ContainsKey(o.Balance.Asset)))
        {
            var balance = opening.Balance;
            var state = states[balance.Asset] = new ReserveState(reserves[balance.Asset].Decimals) { LastBlock = balance.Block };
            if (opening.Indexes is { } indexes)
            {
                state.Indexes = indexes;
                state.RatesKnown = true;
                Open(state, balance, opening.OpenedAt);
            }
            else
            {
                // Without the opening block's indexes the totals are converted at the first rate update's: interest between
                // the two is missed (reconciliation shows it), but nothing is counted at a wrong index.
                pendingOpenings[balance.Asset] = balance;
                note?.Invoke($"{reserves[balance.Asset].MarketName}: no indexes at opening block {balance.Block}; the opening balances take the first rate update's index");
            }
        }

        foreach (var (log, _) in logs)
        {
            var ev = PoolEventDecoder.TryDecode(log, out _);
            // aToken transfers move no reserve balance: mints and burns mirror the Pool events, and holder transfers are no flow.
            if (ev is null || ev.Kind == PoolEventKind.ATokenTransfer) continue;
            var hour = HourlyGrid.Floor(log.Timestamp);
            foreach (var asset in AssetsOf(ev))
            {
                if (!reserves.TryGetValue(asset, out var info)) continue;
                var state = StateOf(states, asset, info);
                CloseHoursBefore(hour, asset, info, state, hours, currentHour, lastTimestamp, prices);
                Apply(ev, asset, info, state, log.Timestamp.ToUnixTimeSeconds());
                if (ev.Kind == PoolEventKind.ReserveDataUpdated && pendingOpenings.Remove(asset, out var pending))
                    Open(state, pending, log.Timestamp.ToUnixTimeSeconds());
                state.LastBlock = log.Block;
            }
        }
        // A reserve that never had a rate update keeps its initial indexes; its opening counts at them.
        foreach (var (asset, pending) in pendingOpenings) Open(states[asset], pending, states[asset].Indexes.UpdatedAt);
        var end = HourlyGrid.Floor(lastTimestamp);
        var batches = new List<MarketBatch>();
        foreach (var (asset, state) in states)
        {
            var info = reserves[asset];
            if (!currentHour.ContainsKey(asset)) currentHour[asset] = end;
            CloseHoursBefore(end + HourlyGrid.Step, asset, info, state, hours, currentHour, lastTimestamp, prices, lastBlock);
            var market = new Market(info.MarketName, "aave-v3", chain, info.Symbol, pool);
            batches.Add(new MarketBatch(market, hours.TryGetValue(asset, out var list) ? list : []));
        }
        return (batches, states);
    }

    private static IEnumerable<string> AssetsOf(PoolEvent ev)
    {
        yield return ev.Reserve;
        if (ev.DebtReserve is { } debt && debt != ev.Reserve) yield return debt;
    }

    private static ReserveState StateOf(Dictionary<string, ReserveState> states, string asset, ReserveInfo info)
    {
        if (!states.TryGetValue(asset, out var state)) states[asset] = state = new ReserveState(info.Decimals);
        return state;
    }

    // The pool's totals at the opening include interest up to then; scaled at that moment's index they grow on from there.
    private static void Open(ReserveState state, ReserveBalance balance, long at)
    {
        state.Supply(TokenUnits.ToRaw(balance.Supplied, state.Decimals), at);
        state.Borrow(TokenUnits.ToRaw(balance.Borrowed, state.Decimals), at);
    }

    // Every amount is minted or burned at the index of the event's moment: in the same transaction that is the index of the
    // ReserveDataUpdated just applied, otherwise the last one brought forward, as the pool itself computes it.
    private static void Apply(PoolEvent ev, string asset, ReserveInfo info, ReserveState s, long at)
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
                if (ev.Flag)
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
                    if (!ev.Flag) s.Supply(-ev.Amount, at);
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

    // Emits the finished hours of a reserve up to (not including) `until`, carrying the state across hours without events.
    private static void CloseHoursBefore(DateTimeOffset until, string asset, ReserveInfo info, ReserveState state,
        Dictionary<string, List<MarketHour>> hours, Dictionary<string, DateTimeOffset> currentHour, DateTimeOffset lastTimestamp, UsdPriceBook prices,
        long? lastBlock = null)
    {
        if (!currentHour.TryGetValue(asset, out var hour))
        {
            currentHour[asset] = until;
            return;
        }
        if (!hours.TryGetValue(asset, out var list)) hours[asset] = list = [];
        for (; hour < until; hour += HourlyGrid.Step)
        {
            var hourEnd = hour + HourlyGrid.Step;
            var isLast = hourEnd > lastTimestamp;
            // The state at the hour's last second (or the last block read), interest included up to then.
            var snapshot = (isLast ? lastTimestamp : hourEnd.AddSeconds(-1)).ToUnixTimeSeconds();
            var supplied = state.SuppliedAt(snapshot);
            var borrowed = state.BorrowedAt(snapshot);
            var price = prices.PriceAt(info, hour);
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
            });
            state.LiquidatedThisHour = 0;
            state.FlowsThisHour = default;
        }
        currentHour[asset] = hour;
    }
}
