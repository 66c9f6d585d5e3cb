using Forecaster.Chain.Abi;

namespace Forecaster.Chain.Aave;

/// <summary>
/// The Aave v3 Pool events Forecaster reads, by their exact Solidity signatures (enum parameters appear as <c>uint8</c>,
/// as the ABI encodes them). Topic 0 of each log is the Keccak-256 of its signature.
/// </summary>
public static class AaveV3PoolEvents
{
    /// <summary>Supply(reserve indexed, user, onBehalfOf indexed, amount, referralCode indexed).</summary>
    public const string SupplySignature = "Supply(address,address,address,uint256,uint16)";

    /// <summary>Withdraw(reserve indexed, user indexed, to indexed, amount).</summary>
    public const string WithdrawSignature = "Withdraw(address,address,address,uint256)";

    /// <summary>Borrow(reserve indexed, user, onBehalfOf indexed, amount, interestRateMode, borrowRate, referralCode indexed).</summary>
    public const string BorrowSignature = "Borrow(address,address,address,uint256,uint8,uint256,uint16)";

    /// <summary>Repay(reserve indexed, user indexed, repayer indexed, amount, useATokens).</summary>
    public const string RepaySignature = "Repay(address,address,address,uint256,bool)";

    /// <summary>LiquidationCall(collateralAsset indexed, debtAsset indexed, user indexed, debtToCover, liquidatedCollateralAmount, liquidator, receiveAToken).</summary>
    public const string LiquidationCallSignature = "LiquidationCall(address,address,address,uint256,uint256,address,bool)";

    /// <summary>FlashLoan(target indexed, initiator, asset indexed, amount, interestRateMode, premium, referralCode indexed).</summary>
    public const string FlashLoanSignature = "FlashLoan(address,address,address,uint256,uint8,uint256,uint16)";

    /// <summary>ReserveDataUpdated(reserve indexed, liquidityRate, stableBorrowRate, variableBorrowRate, liquidityIndex, variableBorrowIndex).</summary>
    public const string ReserveDataUpdatedSignature = "ReserveDataUpdated(address,uint256,uint256,uint256,uint256,uint256)";

    /// <summary>MintedToTreasury(reserve indexed, amountMinted): the treasury's accrued share minted as aTokens.</summary>
    public const string MintedToTreasurySignature = "MintedToTreasury(address,uint256)";

    /// <summary>ERC-20 Transfer(from indexed, to indexed, value) of a reserve's aToken: from or to zero for a mint or burn.</summary>
    public const string TransferSignature = "Transfer(address,address,uint256)";

    /// <summary>Topic 0 of <see cref="SupplySignature"/>.</summary>
    public static readonly string Supply = Keccak256.HashHex(SupplySignature);

    /// <summary>Topic 0 of <see cref="WithdrawSignature"/>.</summary>
    public static readonly string Withdraw = Keccak256.HashHex(WithdrawSignature);

    /// <summary>Topic 0 of <see cref="BorrowSignature"/>.</summary>
    public static readonly string Borrow = Keccak256.HashHex(BorrowSignature);

    /// <summary>Topic 0 of <see cref="RepaySignature"/>.</summary>
    public static readonly string Repay = Keccak256.HashHex(RepaySignature);

    /// <summary>Topic 0 of <see cref="LiquidationCallSignature"/>.</summary>
    public static readonly string LiquidationCall = Keccak256.HashHex(LiquidationCallSignature);

    /// <summary>Topic 0 of <see cref="FlashLoanSignature"/>.</summary>
    public static readonly string FlashLoan = Keccak256.HashHex(FlashLoanSignature);

    /// <summary>Topic 0 of <see cref="ReserveDataUpdatedSignature"/>.</summary>
    public static readonly string ReserveDataUpdated = Keccak256.HashHex(ReserveDataUpdatedSignature);

    /// <summary>Topic 0 of <see cref="MintedToTreasurySignature"/>.</summary>
    public static readonly string MintedToTreasury = Keccak256.HashHex(MintedToTreasurySignature);

    /// <summary>Topic 0 of <see cref="TransferSignature"/>.</summary>
    public static readonly string Transfer = Keccak256.HashHex(TransferSignature);

    /// <summary>All Pool events' topic 0 values, for the <c>eth_getLogs</c> filter (one OR-list in topic position 0).</summary>
    public static IReadOnlyList<string> AllTopics { get; } =
        [Supply, Withdraw, Borrow, Repay, LiquidationCall, FlashLoan, ReserveDataUpdated, MintedToTreasury];

    /// <summary>The Pool events' topic 0 values and the aTokens' Transfer, for one filter over the pool and its aTokens.</summary>
    public static IReadOnlyList<string> AllTopicsWithTransfers { get; } = [.. AllTopics, Transfer];
}
