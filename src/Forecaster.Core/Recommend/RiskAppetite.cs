namespace Forecaster.Recommend;

/// <summary>How much tail risk a protocol is willing to carry; it scales buffers, margins and limits.</summary>
public enum RiskAppetite
{
    /// <summary>Covers the worst replayed episode in full, with a 25% margin.</summary>
    Conservative,

    /// <summary>Covers ES99 of the 24 h outflow and a quarter of the worst replayed episode, with a 10% margin.</summary>
    Moderate,

    /// <summary>Covers ES99 of the 24 h outflow and a tenth of the worst replayed episode, with a 5% margin.</summary>
    Aggressive,
}
