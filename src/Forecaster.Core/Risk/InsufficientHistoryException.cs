namespace Forecaster.Risk;

/// <summary>A market has too little history for a model to say anything honest about it.</summary>
public sealed class InsufficientHistoryException(string market, int available, int required)
    : ForecasterException($"Market '{market}' has {available} usable hours of history; at least {required} are needed.")
{
    /// <summary>The market.</summary>
    public string Market { get; } = market;
}
