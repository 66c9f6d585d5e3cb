using Forecaster.Flows;
using Forecaster.Pipeline;
using Forecaster.Risk.Liquidity;
using Xunit;

namespace Forecaster.Chain.Tests.Node;

/// <summary>Holder-to-holder aToken transfers on a real node, ingested and read back as who holds the deposits.</summary>
public sealed class AccountFlowsTransferTests : NodeTestBase
{
    [Fact]
    public async Task LoadAsync_GivesTransfersBothSides_SoTheRecipientHoldsWhatWasSent()
    {
        var usdc = await Pool.AddReserveAsync("USDC", 6);
        await Pool.SupplyAsync(usdc, 100_000_000, Alice);                          // mint 100 to Alice
        await Pool.SupplyAsync(usdc, 30_000_000, Pool.Sender);                     // mint 30 to the sender
        await Pool.WithdrawAsync(usdc, 10_000_000, Pool.Sender);                   // burn 10 from the sender
        await Pool.MintToTreasuryAsync(usdc, Treasury, 3_000_000);                 // a mint no Supply explains (interest)
        var sent = await Pool.TransferATokensAsync(usdc, Alice, Bob, 60_000_000);  // 60 change hands
        await IngestAsync();

        var flows = await (await AccountFlows.LoadAsync(Flows, "anvil", Pool.Address, Ct)).ReadAsync("aave_v3_usdc", Ct).ToListAsync(Ct);

        var transfer = Assert.Single(flows, f => f.TransactionHash == sent["transactionHash"]!.GetValue<string>());
        Assert.Equal((FlowKind.ATokenTransfer, 60m, Alice, Bob), (transfer.Kind, transfer.Amount, transfer.Account, transfer.Counterparty));
        // Mints and burns keep the holder as the account and the zero address as the other side.
        Assert.Equal(
            [(Alice, FlowEvent.ZeroAddress), (Pool.Sender.ToLowerInvariant(), FlowEvent.ZeroAddress), (Pool.Sender.ToLowerInvariant(), FlowEvent.ZeroAddress), (Treasury, FlowEvent.ZeroAddress)],
            flows.Where(f => f.Kind == FlowKind.ATokenTransfer && f != transfer).Select(f => (f.Account, f.Counterparty)).ToList());

        var holders = DepositorConcentration.At("aave_v3_usdc", flows, flows[^1].Timestamp.AddSeconds(1));
        // Bob 60, Alice 40, the sender 20; the mints and the burn are not counted beside their Supply and Withdraw events.
        Assert.Equal(3, holders.Holders);
        Assert.Equal(new decimal[] { 60, 40, 20 }, holders.Largest);
        Assert.Equal(120m, holders.KnownDeposits);
        Assert.Equal((60.0 * 60 + 40 * 40 + 20 * 20) / (120.0 * 120), holders.Hhi, 12);
        Assert.Equal((0, 0m, 0m), (holders.TransfersSkipped, holders.UnmatchedTransfers, holders.UnmatchedWithdrawals));
    }
}
