namespace Forecaster.Recommend;

/// <summary>What Forecaster recommends for one market at one as-of hour under one risk appetite.</summary>
/// <param name="Target">The target liquid buffer and the gap to it.</param>
/// <param name="ShortfallProbability24h">Probability of a shortfall within 24 h, in [0, 1].</param>
/// <param name="LiquidityCoverage">Available liquidity over ES99 of the 24 h outflow.</param>
/// <param name="Changes">Parameter changes, empty when none is needed.</param>
/// <param name="Parameters">The parameters the changes start from.</param>
public sealed record MarketRecommendation(ReserveTarget Target, double ShortfallProbability24h, double LiquidityCoverage, IReadOnlyList<ParameterChange> Changes, MarketParameters Parameters)
{
    /// <summary>
    /// Changes the analysis asked for that the minimum delay holds back: <see cref="ParameterChange.Recommended"/> equals
    /// <see cref="ParameterChange.Current"/>, <see cref="ParameterChange.Bound"/> says when the parameter last changed.
    /// </summary>
    public IReadOnlyList<ParameterChange> Held { get; init; } = [];

    /// <summary>
    /// What the analysis asked for that the protocol has no parameter for (e.g. a borrow cap on Aave v2), each a sentence
    /// the proposal prints as it is.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when governance should act: some change is proposed.</summary>
    public bool NeedsAction => Changes.Count > 0;
}
