namespace Forecaster.Modeling.TimeSeries.SpectralResidual;

/// <summary>
/// Options of the streaming spectral-residual detector, the same set as ML.NET's <c>DetectAnomalyBySrCnn</c>.
/// Characteristics: input one double per step; output alert, raw score, magnitude; stateless apart from the
/// last WindowSize observations, which is all that is persisted.
/// </summary>
public sealed class SrCnnOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Anomaly:SrCnn";

    /// <summary>The defaults (ML.NET's, except the threshold), shared with the CLI.</summary>
    public static class Defaults
    {
        /// <summary>Default window size.</summary>
        public const int WindowSize = 64;
        /// <summary>Default number of extrapolated points appended after the window.</summary>
        public const int BackAddWindowSize = 5;
        /// <summary>Default number of trailing points whose gradient extrapolates.</summary>
        public const int LookaheadWindowSize = 5;
        /// <summary>Default width of the log-spectrum moving average.</summary>
        public const int AveragingWindowSize = 3;
        /// <summary>Default number of preceding saliency values a point is judged against.</summary>
        public const int JudgementWindowSize = 21;
        /// <summary>
        /// Default alert threshold on the raw score. Not ML.NET's 0.3: with Ren et al.'s score, white noise alone
        /// exceeds 0.3 on about half its points and 3 on about 1%; 5 keeps noise quiet while a 6σ spike scores about 8.
        /// </summary>
        public const double Threshold = 5;
    }

    /// <summary>Points in the sliding window, in [8, 100000]; no score is produced before the window fills.</summary>
    public int WindowSize { get; set; } = Defaults.WindowSize;

    /// <summary>Extrapolated points appended after the window, in [1, WindowSize].</summary>
    public int BackAddWindowSize { get; set; } = Defaults.BackAddWindowSize;

    /// <summary>Trailing points used for the extrapolation gradient, in [1, WindowSize - 1].</summary>
    public int LookaheadWindowSize { get; set; } = Defaults.LookaheadWindowSize;

    /// <summary>Width of the moving average over the log amplitude spectrum, in [1, WindowSize].</summary>
    public int AveragingWindowSize { get; set; } = Defaults.AveragingWindowSize;

    /// <summary>Preceding saliency values a point's magnitude is compared with, in [1, WindowSize - 1].</summary>
    public int JudgementWindowSize { get; set; } = Defaults.JudgementWindowSize;

    /// <summary>Raw score above which a point is an alert, in [0, 100].</summary>
    public double Threshold { get; set; } = Defaults.Threshold;

    /// <summary>Checks every option against its range.</summary>
    /// <exception cref="ModelOptionException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        ModelOptionException.ThrowIfOutside(WindowSize, 8, 100_000, nameof(WindowSize), "--window-size");
        ModelOptionException.ThrowIfOutside(BackAddWindowSize, 1, WindowSize, nameof(BackAddWindowSize), "--back-add", $"[1, WindowSize = {WindowSize}]");
        ModelOptionException.ThrowIfOutside(LookaheadWindowSize, 1, WindowSize - 1, nameof(LookaheadWindowSize), "--lookahead", $"[1, WindowSize-1 = {WindowSize - 1}]");
        ModelOptionException.ThrowIfOutside(AveragingWindowSize, 1, WindowSize, nameof(AveragingWindowSize), "--averaging", $"[1, WindowSize = {WindowSize}]");
        ModelOptionException.ThrowIfOutside(JudgementWindowSize, 1, WindowSize - 1, nameof(JudgementWindowSize), "--judgement", $"[1, WindowSize-1 = {WindowSize - 1}]");
        ModelOptionException.ThrowIfOutside(Threshold, 0, 100, nameof(Threshold), "--threshold");
    }
}
