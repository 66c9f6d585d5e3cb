namespace Forecaster.Modeling.TimeSeries.RelativeEntropy;

/// <summary>
/// Options of relative-entropy anomaly detection (Wang et al., "Statistical techniques for online anomaly detection in
/// data centers", IM 2011): the histogram of the last WindowSize values is tested against every distribution seen
/// before; a window no known distribution explains at Confidence is an anomaly and becomes a new known distribution.
/// Characteristics: input one double per step; output alert, test statistic, p-value; persisted as options and state.
/// </summary>
/// <remarks>
/// The defaults are the paper's and NAB's published entry (52 values, 5 bins, 99 %); the suppression equals the window
/// because while the window still holds the rows that raised an alert, the windows that follow describe the same event.
/// </remarks>
public sealed class RelativeEntropyOptions
{
    /// <summary>The defaults, shared with the CLI.</summary>
    public static class Defaults
    {
        /// <summary>Default window length.</summary>
        public const int WindowSize = 52;
        /// <summary>Default number of histogram bins.</summary>
        public const int BinCount = 5;
        /// <summary>Default confidence, percent.</summary>
        public const double Confidence = 99;
        /// <summary>Default rows without a new alert after an alert (the window length).</summary>
        public const int SuppressionLength = WindowSize;
        /// <summary>Default number of distributions remembered.</summary>
        public const int MaxHypotheses = 1000;
    }

    /// <summary>Values in each histogram, in [4, 100000].</summary>
    public int WindowSize { get; set; } = Defaults.WindowSize;

    /// <summary>Equal-width bins over the range of the values seen so far, in [2, 1000].</summary>
    public int BinCount { get; set; } = Defaults.BinCount;

    /// <summary>Confidence in percent of the chi-squared test that a known distribution explains the window, in (0, 100) exclusive.</summary>
    public double Confidence { get; set; } = Defaults.Confidence;

    /// <summary>Rows after an alert during which no further alert is raised (learning continues), in [0, 1000000].</summary>
    public int SuppressionLength { get; set; } = Defaults.SuppressionLength;

    /// <summary>Distributions remembered; the one accepted longest ago is forgotten first, in [1, 100000].</summary>
    public int MaxHypotheses { get; set; } = Defaults.MaxHypotheses;

    /// <summary>A copy, so a detector cannot be changed through the options it was built from.</summary>
    public RelativeEntropyOptions Clone() => (RelativeEntropyOptions)MemberwiseClone();

    /// <summary>Checks every option against its range.</summary>
    /// <exception cref="ModelOptionException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        ModelOptionException.ThrowIfOutside(WindowSize, 4, 100_000, nameof(WindowSize), "--window-size");
        ModelOptionException.ThrowIfOutside(BinCount, 2, 1000, nameof(BinCount), "--bins");
        if (!(Confidence > 0 && Confidence < 100)) throw new ModelOptionException(nameof(Confidence), "--confidence", "(0, 100)", Confidence);
        ModelOptionException.ThrowIfOutside(SuppressionLength, 0, 1_000_000, nameof(SuppressionLength), "--suppression");
        ModelOptionException.ThrowIfOutside(MaxHypotheses, 1, 100_000, nameof(MaxHypotheses), "--max-hypotheses");
    }
}
