namespace Forecaster.Modeling.TimeSeries.SpectralResidual;

/// <summary>The streaming spectral-residual output for one point.</summary>
/// <param name="Alert">Whether the raw score exceeds the threshold.</param>
/// <param name="Score">Raw score: (magnitude − mean magnitude of the preceding JudgementWindowSize points) / that mean; 0 before the window fills.</param>
/// <param name="Magnitude">Saliency magnitude of the point.</param>
public readonly record struct SrPoint(bool Alert, double Score, double Magnitude);
