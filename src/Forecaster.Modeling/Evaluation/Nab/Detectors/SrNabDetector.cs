using Forecaster.Modeling.TimeSeries.SpectralResidual;

namespace Forecaster.Modeling.Evaluation.Nab.Detectors;

/// <summary>NAB adapter of the streaming spectral-residual detector: anomaly score s/(1+s) of the raw score s ≥ 0.</summary>
/// <param name="options">Detector options; null means the defaults.</param>
public sealed class SrNabDetector(SrCnnOptions? options = null) : INabDetector
{
    private readonly SrCnnOptions _options = options ?? new SrCnnOptions();

    /// <inheritdoc />
    public string Name => "sr";

    /// <inheritdoc />
    public double[] Detect(NabDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var detector = new SrStreamingDetector(_options);
        return data.Values.Select(v => Squash(detector.Process(v).Score)).ToArray();
    }

    internal static double Squash(double score) => score > 0 ? score / (1 + score) : 0;
}
