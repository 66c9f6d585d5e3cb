namespace Forecaster.Markets.RateCurves;

/// <summary>
/// A market's variable borrow-rate curve as read from its own history: two straight lines meeting at the kink
/// (Aave's and Compound's "jump rate" shape).
/// </summary>
/// <param name="OptimalUtilization">The kink, in (0, 1).</param>
/// <param name="BaseRatePct">Borrow rate at zero utilization, percent a year.</param>
/// <param name="Slope1Pct">Rise of the borrow rate from zero utilization to the kink, percent a year.</param>
/// <param name="Slope2Pct">Rise from the kink to full utilization, percent a year.</param>
/// <param name="Hours">Hours the fit used.</param>
/// <param name="HoursAboveKink">Of those, hours above the kink (the second slope rests on these).</param>
/// <param name="RootMeanSquareErrorPct">Fit error, percentage points of borrow rate.</param>
/// <param name="From">First hour of the window the fit used.</param>
/// <param name="To">Last hour of that window.</param>
public sealed record RateCurveEstimate(
    double OptimalUtilization,
    double BaseRatePct,
    double Slope1Pct,
    double Slope2Pct,
    int Hours,
    int HoursAboveKink,
    double RootMeanSquareErrorPct,
    DateTimeOffset From,
    DateTimeOffset To)
{
    /// <summary>The fitted borrow rate at a utilization, percent a year.</summary>
    public double BorrowRatePct(double utilization) =>
        utilization <= OptimalUtilization
            ? BaseRatePct + Slope1Pct * utilization / OptimalUtilization
            : BaseRatePct + Slope1Pct + Slope2Pct * (utilization - OptimalUtilization) / (1 - OptimalUtilization);
}
