namespace Forecaster.Chain.Ingestion;

/// <summary>Chain names Forecaster accepts and their EIP-155 chain ids, checked against <c>eth_chainId</c> before reading.</summary>
public static class ChainIds
{
    /// <summary>Known chains.</summary>
    public static IReadOnlyDictionary<string, long> Known { get; } = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase)
    {
        ["ethereum"] = 1, ["optimism"] = 10, ["bsc"] = 56, ["gnosis"] = 100, ["polygon"] = 137, ["base"] = 8453,
        ["arbitrum"] = 42161, ["avalanche"] = 43114, ["linea"] = 59144, ["scroll"] = 534352, ["sepolia"] = 11155111,
        ["anvil"] = 31337,
    };
}
