namespace Forecaster.Modeling.TimeSeries.SpectralResidual;

/// <summary>The whole-series spectral-residual output for one point.</summary>
/// <param name="Alert">Spectral alert and the value outside [Lower, Upper].</param>
/// <param name="Score">Raw spectral-residual score.</param>
/// <param name="Magnitude">Saliency magnitude.</param>
/// <param name="ExpectedValue">The value expected with anomalies removed.</param>
/// <param name="Lower">Lower margin.</param>
/// <param name="Upper">Upper margin.</param>
public readonly record struct SrBatchPoint(bool Alert, double Score, double Magnitude, double ExpectedValue, double Lower, double Upper);
