namespace Forecaster.Markets;

/// <summary>
/// A lending market: one asset's reserve in one pool of one protocol on one chain.
/// </summary>
/// <param name="Name">Unique key used on the command line and in the store, e.g. <c>aave_v2_usdt</c>.</param>
/// <param name="Protocol">Protocol and version, e.g. <c>aave-v2</c>; <c>unknown</c> when it cannot be told.</param>
/// <param name="Chain">Chain name, e.g. <c>ethereum</c>.</param>
/// <param name="Asset">Asset symbol in upper case, e.g. <c>USDT</c>.</param>
/// <param name="PoolAddress">Pool contract address (0x-prefixed hex), or null when the data came without one.</param>
/// <param name="IsSimulated">True when the market was produced by the simulator: every report must say so.</param>
public sealed record Market(
    string Name,
    string Protocol,
    string Chain,
    string Asset,
    string? PoolAddress = null,
    bool IsSimulated = false)
{
    /// <summary>
    /// Derives a market from a name such as <c>aave_v2_usdt</c> (the shared data's file names):
    /// the last underscore-separated part is the asset, what precedes it the protocol.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty or has characters other than letters, digits, '_' and '-'.</exception>
    public static Market FromName(string name, bool isSimulated = false)
    {
        ValidateName(name);
        var parts = name.Split('_', StringSplitOptions.RemoveEmptyEntries);
        var asset = parts.Length > 1 ? parts[^1].ToUpperInvariant() : name.ToUpperInvariant();
        var protocol = parts.Length > 1 ? string.Join('-', parts[..^1]).ToLowerInvariant() : "unknown";
        return new Market(name, protocol, "ethereum", asset, null, isSimulated);
    }

    /// <summary>Checks that a market name is usable as a store key and a file name.</summary>
    /// <exception cref="ArgumentException">The name is empty or has characters other than letters, digits, '_' and '-'.</exception>
    public static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("A market name must not be empty.", nameof(name));
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-')
                throw new ArgumentException($"Market name '{name}' may only contain letters, digits, '_' and '-'.", nameof(name));
        }
    }
}
