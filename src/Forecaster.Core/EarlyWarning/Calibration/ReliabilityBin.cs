namespace Forecaster.EarlyWarning.Calibration;

/// <summary>One probability bin of a reliability table: how often the event happened when forecasts fell in the bin.</summary>
/// <param name="Lower">Lower edge of the bin (inclusive).</param>
/// <param name="Upper">Upper edge of the bin (exclusive, except the last bin, which holds 1).</param>
/// <param name="Count">Number of forecasts in the bin.</param>
/// <param name="MeanForecast">Mean forecast probability in the bin; NaN when the bin is empty.</param>
/// <param name="ObservedFrequency">Share of the bin's forecasts whose event happened; NaN when the bin is empty.</param>
public sealed record ReliabilityBin(double Lower, double Upper, long Count, double MeanForecast, double ObservedFrequency);
