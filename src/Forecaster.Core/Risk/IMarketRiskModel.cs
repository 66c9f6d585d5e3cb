using Forecaster.Markets;

namespace Forecaster.Risk;

/// <summary>
/// Anything that can assess a market at an as-of hour from its hours up to then: the <see cref="BaselineRiskModel"/>,
/// or a trained champion from the model registry. The brief asks this interface, so a better model drops in.
/// </summary>
public interface IMarketRiskModel
{
    /// <summary>Assesses a market from its hours (time order) at <paramref name="asOf"/>; hours after it must be ignored.</summary>
    /// <exception cref="InsufficientHistoryException">Too little history before <paramref name="asOf"/>.</exception>
    MarketRiskAssessment Assess(Market market, IReadOnlyList<MarketHour> hours, DateTimeOffset asOf, IReadOnlyList<TimeSpan> horizons);
}
