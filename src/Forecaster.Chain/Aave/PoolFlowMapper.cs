using Forecaster.Flows;

namespace Forecaster.Chain.Aave;

/// <summary>Turns a decoded Pool event into the <see cref="FlowEvent"/> the rest of Forecaster reads.</summary>
public static class PoolFlowMapper
{
    /// <summary>
    /// The flow of an event, in whole tokens of its reserve's market; null for rate updates, which move no balance.
    /// A liquidation is recorded in the collateral's market (the collateral seized is what <c>LiquidationsUsd</c> counts);
    /// its debt side stays in the stored log and is applied by the aggregator. An aToken transfer is recorded in its
    /// reserve's market, which is how it is told apart from the pool's logs once stored; its account is the holder whose
    /// balance changes (the recipient of a mint, otherwise the sender) and its counterparty the other side. A repayment or
    /// liquidation that burns deposits names their holder (<see cref="FlowEvent.DepositsBurnedFrom"/>).
    /// </summary>
    public static FlowEvent? ToFlow(ChainLog log, PoolEvent ev, ReserveInfo reserve)
    {
        var kind = FlowKindOf(ev.Kind);
        if (kind is null) return null;
        var flow = new FlowEvent(log.Chain, log.TransactionHash, log.LogIndex, log.Block, log.Timestamp, reserve.MarketName,
            kind.Value, TokenUnits.ToTokens(ev.Amount, reserve.Decimals), ev.Account);
        return WithAccountsFromLog(flow, ev);
    }

    /// <summary>
    /// A stored flow with the accounts its store keeps only in its log, decoded again from there (a store keeps one account
    /// per flow): both sides of an aToken transfer, and whose deposits a repayment or liquidation burns. Any other flow, or
    /// a log that does not decode as the flow's own event (e.g. a simulated flow, stored without a payload), as it is: its
    /// other side stays unknown, and it burns no deposits.
    /// </summary>
    public static FlowEvent? WithAccountsFromLog(PoolLog stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Flow is not { Kind: FlowKind.ATokenTransfer or FlowKind.Repay or FlowKind.Liquidation } flow) return stored.Flow;
        var ev = PoolEventDecoder.TryDecode(stored.Log, out _);
        return ev is not null && FlowKindOf(ev.Kind) == flow.Kind ? WithAccountsFromLog(flow, ev) : flow;
    }

    private static FlowKind? FlowKindOf(PoolEventKind kind) => kind switch
    {
        PoolEventKind.Supply => FlowKind.Supply,
        PoolEventKind.Withdraw => FlowKind.Withdraw,
        PoolEventKind.Borrow => FlowKind.Borrow,
        PoolEventKind.Repay => FlowKind.Repay,
        PoolEventKind.LiquidationCall => FlowKind.Liquidation,
        PoolEventKind.FlashLoan => FlowKind.FlashLoan,
        PoolEventKind.ATokenTransfer => FlowKind.ATokenTransfer,
        _ => null,
    };

    private static FlowEvent WithAccountsFromLog(FlowEvent flow, PoolEvent ev) => ev.Kind switch
    {
        PoolEventKind.ATokenTransfer when ev.Account == FlowEvent.ZeroAddress => flow with { Account = ev.Counterparty, Counterparty = FlowEvent.ZeroAddress },
        PoolEventKind.ATokenTransfer => flow with { Account = ev.Account, Counterparty = ev.Counterparty },
        PoolEventKind.Repay or PoolEventKind.LiquidationCall => flow with { DepositsBurnedFrom = ev.ATokensBurnedFrom ?? "" },
        _ => flow,
    };
}
