using System.Numerics;
using Forecaster.Chain.Aave;
using Forecaster.Flows;
using Forecaster.Markets;
using Forecaster.Pipeline;

namespace Forecaster.Chain.Ingestion;

/// <summary>
/// Replays a pool's stored logs, from the opening balances, into the hourly market state the rest of Forecaster reads:
/// one <see cref="MarketHour"/> per reserve per UTC hour from its first event (or opening) to the last block read, each the
/// state at the end of that hour (the last, partial hour: at the last block read), valued at the reserve's fixed USD price.
/// Balances follow the events' principal amounts; interest accrued between events is not in any event, so it is not in
/// these hours (reconciliation reports it as drift).
/// </summary>
public static class HourlyFlowAggregator
{
    private static readonly decimal Ray = 1_000_000_000_000_000_000_000_000_000m;

    /// <summary>The hours of every reserve, and each reserve's final state.</summary>
    /// <param name="logs">Stored logs in chain order.</param>
    /// <param name="openings">Opening balances by asset (empty when read from the pool's deployment).</param>
    /// <param name="reserves">Reserve metadata by asset; logs of other assets are skipped.</param>
    /// <param name="chain">Chain name.</param>
    /// <param name="pool">Pool address.</param>
    /// <param name="lastBlock">Last block read (the checkpoint).</param>
    /// <param name="lastTimestamp">Its timestamp.</param>
    public static (IReadOnlyList<MarketBatch> Batches, IReadOnlyDictionary<string, ReserveState> Final) Aggregate(
        IReadOnlyList<PoolLog> logs,
        IReadOnlyList<ReserveBalance> openings,
        IReadOnlyDictionary<string, ReserveInfo> reserves,
        string chain, string pool, long lastBlock, DateTimeOffset lastTimestamp)
    {
        var states = new Dictionary<string, ReserveState>();
        var hours = new Dictionary<string, List<MarketHour>>();
        var currentHour = new Dictionary<string, DateTimeOffset>();
        foreach (var opening in openings.Where(o => reserves.ContainsKey(o.Asset)))
            states[opening.Asset] = new ReserveState { Supplied = opening.Supplied, Borrowed = opening.Borrowed, LastBlock = opening.Block };

        foreach (var (log, _) in logs)
        {
            var ev = PoolEventDecoder.TryDecode(log, out _);
            if (ev is null) continue;
            var hour = HourlyGrid.Floor(log.Timestamp);
            foreach (var asset in AssetsOf(ev))
            {
                if (!reserves.TryGetValue(asset, out var info)) continue;
                var state = StateOf(states, asset);
                CloseHoursBefore(hour, asset, info, state, hours, currentHour, lastTimestamp);
                Apply(ev, asset, info, state);
                state.LastBlock = log.Block;
            }
        }
        var end = HourlyGrid.Floor(lastTimestamp);
        var batches = new List<MarketBatch>();
        foreach (var (asset, state) in states)
        {
            var info = reserves[asset];
            if (!currentHour.ContainsKey(asset)) currentHour[asset] = end;
            CloseHoursBefore(end + HourlyGrid.Step, asset, info, state, hours, currentHour, lastTimestamp, lastBlock);
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

    private static ReserveState StateOf(Dictionary<string, ReserveState> states, string asset)
    {
        if (!states.TryGetValue(asset, out var state)) states[asset] = state = new ReserveState();
        return state;
    }

    private static void Apply(PoolEvent ev, string asset, ReserveInfo info, ReserveState s)
    {
        decimal Tokens(BigInteger raw) => TokenUnits.ToTokens(raw, info.Decimals);
        switch (ev.Kind)
        {
            case PoolEventKind.Supply:
                s.Supplied += Tokens(ev.Amount);
                s.FlowsThisHour = s.FlowsThisHour with { Deposits = s.FlowsThisHour.Deposits + Tokens(ev.Amount) };
                break;
            case PoolEventKind.Withdraw:
                s.Supplied -= Tokens(ev.Amount);
                s.FlowsThisHour = s.FlowsThisHour with { Withdrawals = s.FlowsThisHour.Withdrawals + Tokens(ev.Amount) };
                break;
            case PoolEventKind.Borrow:
                s.Borrowed += Tokens(ev.Amount);
                s.FlowsThisHour = s.FlowsThisHour with { Borrows = s.FlowsThisHour.Borrows + Tokens(ev.Amount) };
                break;
            case PoolEventKind.Repay:
                s.Borrowed -= Tokens(ev.Amount);
                s.FlowsThisHour = s.FlowsThisHour with { Repays = s.FlowsThisHour.Repays + Tokens(ev.Amount) };
                // Repaying with aTokens burns deposits as well as debt: the depositor withdrew to repay.
                if (ev.Flag)
                {
                    s.Supplied -= Tokens(ev.Amount);
                    s.FlowsThisHour = s.FlowsThisHour with { Withdrawals = s.FlowsThisHour.Withdrawals + Tokens(ev.Amount) };
                }
                break;
            case PoolEventKind.LiquidationCall:
                if (asset == ev.DebtReserve) s.Borrowed -= Tokens(ev.DebtAmount);
                if (asset == ev.Reserve)
                {
                    s.LiquidatedThisHour += Tokens(ev.Amount);
                    // Collateral taken as aTokens stays deposited; taken as the underlying it leaves the reserve.
                    if (!ev.Flag) s.Supplied -= Tokens(ev.Amount);
                }
                break;
            case PoolEventKind.FlashLoan:
                // The loan itself nets to zero within the transaction; the premium is added to the suppliers' deposits.
                s.Supplied += Tokens(ev.DebtAmount);
                break;
            case PoolEventKind.ReserveDataUpdated:
                s.SupplyRatePct = (double)((decimal)ev.LiquidityRate / Ray) * 100;
                s.BorrowRatePct = (double)((decimal)ev.VariableBorrowRate / Ray) * 100;
                break;
        }
    }

    // Emits the finished hours of a reserve up to (not including) `until`, carrying the state across hours without events.
    private static void CloseHoursBefore(DateTimeOffset until, string asset, ReserveInfo info, ReserveState state,
        Dictionary<string, List<MarketHour>> hours, Dictionary<string, DateTimeOffset> currentHour, DateTimeOffset lastTimestamp, long? lastBlock = null)
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
            var quality = double.IsNaN(state.SupplyRatePct) ? DataQuality.MissingRates : DataQuality.None;
            if (state.Borrowed > state.Supplied) quality |= DataQuality.UtilizationAboveOne;
            list.Add(new MarketHour(hour,
                (double)state.Supplied * info.UsdPrice,
                (double)state.Borrowed * info.UsdPrice,
                (double)state.LiquidatedThisHour * info.UsdPrice,
                state.SupplyRatePct, state.BorrowRatePct, quality,
                (isLast ? lastTimestamp : hourEnd.AddSeconds(-1)).ToUnixTimeSeconds(),
                isLast && lastBlock is { } b ? b : state.LastBlock)
            {
                Flows = new GrossFlows((double)state.FlowsThisHour.Deposits * info.UsdPrice, (double)state.FlowsThisHour.Withdrawals * info.UsdPrice,
                    (double)state.FlowsThisHour.Borrows * info.UsdPrice, (double)state.FlowsThisHour.Repays * info.UsdPrice),
            });
            state.LiquidatedThisHour = 0;
            state.FlowsThisHour = default;
        }
        currentHour[asset] = hour;
    }
}
