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
    /// balance changes (the recipient of a mint, otherwise the sender) and its counterparty the other side.
    /// </summary>
    public static FlowEvent? ToFlow(ChainLog log, PoolEvent ev, ReserveInfo reserve)
    {
        var kind = ev.Kind switch
        {
            PoolEventKind.Supply => FlowKind.Supply,
            PoolEventKind.Withdraw => FlowKind.Withdraw,
            PoolEventKind.Borrow => FlowKind.Borrow,
            PoolEventKind.Repay => FlowKind.Repay,
            PoolEventKind.LiquidationCall => FlowKind.Liquidation,
            PoolEventKind.FlashLoan => FlowKind.FlashLoan,
            PoolEventKind.ATokenTransfer => FlowKind.ATokenTransfer,
            _ => (FlowKind?)null,
        };
        if (kind is null) return null;
        var flow = new FlowEvent(log.Chain, log.TransactionHash, log.LogIndex, log.Block, log.Timestamp, reserve.MarketName,
            kind.Value, TokenUnits.ToTokens(ev.Amount, reserve.Decimals), ev.Account);
        return ev.Kind == PoolEventKind.ATokenTransfer ? WithTransferSides(flow, ev) : flow;
    }

    /// <summary>
    /// A stored aToken-transfer flow with both sides of its Transfer, decoded again from its stored log (a store keeps one
    /// account per flow); any other flow, or a log that does not decode as a Transfer, as it is (its sides stay unknown).
    /// </summary>
    public static FlowEvent? WithTransferSides(PoolLog stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Flow is not { Kind: FlowKind.ATokenTransfer } flow) return stored.Flow;
        var ev = PoolEventDecoder.TryDecode(stored.Log, out _);
        return ev is { Kind: PoolEventKind.ATokenTransfer } ? WithTransferSides(flow, ev) : flow;
    }

    private static FlowEvent WithTransferSides(FlowEvent flow, PoolEvent transfer) => transfer.Account == FlowEvent.ZeroAddress
        ? flow with { Account = transfer.Counterparty, Counterparty = FlowEvent.ZeroAddress }
        : flow with { Account = transfer.Account, Counterparty = transfer.Counterparty };
}
