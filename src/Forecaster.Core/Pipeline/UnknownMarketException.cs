namespace Forecaster.Pipeline;

/// <summary>A market name was asked for that the store does not hold.</summary>
public sealed class UnknownMarketException(string market)
    : ForecasterException($"No market named '{market}' in the store.")
{
    /// <summary>The name asked for.</summary>
    public string Market { get; } = market;
}
