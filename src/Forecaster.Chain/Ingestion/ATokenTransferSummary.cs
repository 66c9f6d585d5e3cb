namespace Forecaster.Chain.Ingestion;

/// <summary>What a reserve's aToken Transfer logs say next to its Pool events, in whole tokens.</summary>
/// <param name="Market">Market name.</param>
/// <param name="Transfers">aToken Transfer logs read.</param>
/// <param name="HolderTransfers">Transfers between two holders: deposits changing hands, not flows.</param>
/// <param name="HolderTransferred">Amount moved between holders.</param>
/// <param name="InterestRealized">Mints beyond the principal of the Pool events in the same transaction: a real aToken mints the
/// holder's interest accrued since their last action along with the amount (zero on the test pool, which keeps no holders).</param>
/// <param name="TreasuryMinted">Mints matched by a MintedToTreasury event of the same transaction (counted in deposits).</param>
/// <param name="UnexplainedMinted">Net mints to an account without a Pool event for it in the transaction (e.g. interest minted
/// on a transfer by Aave v3.1+ aTokens); the event-built deposits do not count them.</param>
/// <param name="Mismatches">Transactions whose mints and burns fall short of their Pool events' amounts (first 20).</param>
public sealed record ATokenTransferSummary(
    string Market, long Transfers, long HolderTransfers, decimal HolderTransferred, decimal InterestRealized, decimal TreasuryMinted, decimal UnexplainedMinted,
    IReadOnlyList<string> Mismatches)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Market}: {Transfers} aToken transfers, {HolderTransfers} between holders ({HolderTransferred} moved, not flows), " +
        $"interest minted {InterestRealized}, minted to the treasury {TreasuryMinted}, minted without a pool event {UnexplainedMinted}, " +
        $"{Mismatches.Count} mismatches";
}
