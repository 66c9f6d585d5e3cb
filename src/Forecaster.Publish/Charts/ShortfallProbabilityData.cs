namespace Forecaster.Publish.Charts;

/// <summary>Inputs of the shortfall-probability chart: the probability as it was estimated at each past time.</summary>
/// <param name="Title">Chart title.</param>
/// <param name="Times">Estimation times, in time order.</param>
/// <param name="Probability">Probability of a shortfall within the horizon at each time, in [0, 1].</param>
/// <param name="AlertThreshold">Probability from which an alert is raised, in [0, 1].</param>
/// <param name="HorizonHours">The probability's horizon, hours (for the axis label).</param>
public sealed record ShortfallProbabilityData(
    string Title,
    IReadOnlyList<DateTimeOffset> Times,
    IReadOnlyList<double> Probability,
    double AlertThreshold,
    int HorizonHours);
