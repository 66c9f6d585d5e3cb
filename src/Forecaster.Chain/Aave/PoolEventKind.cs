namespace Forecaster.Chain.Aave;

/// <summary>The Aave v3 Pool events that are decoded.</summary>
public enum PoolEventKind
{
    /// <summary>Supply: deposit of <c>amount</c> of the reserve.</summary>
    Supply,
    /// <summary>Withdraw: withdrawal of <c>amount</c>.</summary>
    Withdraw,
    /// <summary>Borrow: new debt of <c>amount</c>.</summary>
    Borrow,
    /// <summary>Repay: debt repaid, from the wallet or with aTokens.</summary>
    Repay,
    /// <summary>LiquidationCall: debt covered in the debt asset, collateral seized in the collateral asset.</summary>
    LiquidationCall,
    /// <summary>FlashLoan: borrowed and returned in one transaction; the premium stays with the suppliers.</summary>
    FlashLoan,
    /// <summary>ReserveDataUpdated: new rates and indexes of a reserve.</summary>
    ReserveDataUpdated,
    /// <summary>MintedToTreasury: the treasury's share of interest minted as aTokens, which adds to deposits without a Supply.</summary>
    MintedToTreasury,
    /// <summary>ERC-20 Transfer of a reserve's aToken: a mint (from zero), a burn (to zero), or a transfer between holders.</summary>
    ATokenTransfer,
}
