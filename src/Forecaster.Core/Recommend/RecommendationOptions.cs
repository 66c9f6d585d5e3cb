namespace Forecaster.Recommend;

/// <summary>Options of <see cref="RecommendationEngine"/>.</summary>
public sealed record RecommendationOptions
{
    /// <summary>The risk appetite profile.</summary>
    public RiskAppetite Appetite { get; init; } = RiskAppetite.Moderate;

    /// <summary>Per-update bounds and delays by parameter name; missing parameters use <see cref="ParameterBound.Defaults"/>.</summary>
    public IReadOnlyDictionary<string, ParameterBound> Bounds { get; init; } = ParameterBound.Defaults;

    /// <summary>Shortfall probability (24 h) from which borrowing is paused (circuit breaker), in (0, 1].</summary>
    public double CircuitBreakerProbability => Appetite switch
    {
        RiskAppetite.Conservative => 0.20,
        RiskAppetite.Moderate => 0.35,
        _ => 0.50,
    };

    /// <summary>Shortfall probability (24 h) from which borrow caps are tightened even when the buffer is met.</summary>
    public double CapProbability => CircuitBreakerProbability / 4;
}
