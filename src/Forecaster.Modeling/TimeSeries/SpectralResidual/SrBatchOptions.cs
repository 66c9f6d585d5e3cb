namespace Forecaster.Modeling.TimeSeries.SpectralResidual;

/// <summary>
/// Options of the whole-series spectral-residual detector, as ML.NET's <c>DetectEntireAnomalyBySrCnn</c>.
/// The spectral parameters (averaging, judgement, extrapolation) are those of <see cref="SrCnnOptions.Defaults"/>.
/// </summary>
public sealed class SrBatchOptions
{
    /// <summary>The defaults, shared with the CLI.</summary>
    public static class Defaults
    {
        /// <summary>Default batch size; -1 scores the whole series as one batch.</summary>
        public const int BatchSize = 1024;
        /// <summary>Default sensitivity.</summary>
        public const double Sensitivity = 99;
        /// <summary>Default alert threshold on the raw score (see <see cref="SrCnnOptions.Defaults.Threshold"/>).</summary>
        public const double Threshold = SrCnnOptions.Defaults.Threshold;
    }

    /// <summary>Points scored together, in [12, int.MaxValue], or -1 for the whole series.</summary>
    public int BatchSize { get; set; } = Defaults.BatchSize;

    /// <summary>Sensitivity in [0, 100]: higher narrows the margins, so more points fall outside them.</summary>
    public double Sensitivity { get; set; } = Defaults.Sensitivity;

    /// <summary>Raw score above which a point is a spectral alert, in [0, 100].</summary>
    public double Threshold { get; set; } = Defaults.Threshold;

    /// <summary>Checks every option against its range.</summary>
    /// <exception cref="ModelOptionException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (BatchSize != -1 && BatchSize < 12)
            throw new ModelOptionException(nameof(BatchSize), "--batch", "-1 or [12, 2147483647]", BatchSize);
        ModelOptionException.ThrowIfOutside(Sensitivity, 0, 100, nameof(Sensitivity), "--sensitivity");
        ModelOptionException.ThrowIfOutside(Threshold, 0, 100, nameof(Threshold), "--threshold");
    }
}
