using Forecaster.Risk;

namespace Forecaster.Publish.Inputs;

/// <summary>The shortfall probability and status a market had when assessed as of one past time.</summary>
/// <param name="Time">The as-of time.</param>
/// <param name="Probability">Shortfall probability within 24 h, in [0, 1].</param>
/// <param name="Status">The traffic light at that time.</param>
public readonly record struct ProbabilityPoint(DateTimeOffset Time, double Probability, MarketStatus Status);
