namespace Forecaster.Markets.ReserveFactors;

/// <summary>
/// A market's reserve factor as read from its own rates: the share of borrowers' interest that depositors do not receive.
/// </summary>
/// <param name="ReserveFactor">The median of the hours' estimates, in [0, 1).</param>
/// <param name="InterquartileRange">How far the middle half of the hours' estimates spread, as a share (0.01 = 1 point).</param>
/// <param name="Hours">Fresh hours the estimate used.</param>
/// <param name="From">First of those hours.</param>
/// <param name="To">Last of those hours.</param>
public sealed record ReserveFactorEstimate(double ReserveFactor, double InterquartileRange, int Hours, DateTimeOffset From, DateTimeOffset To);
