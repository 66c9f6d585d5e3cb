namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>
/// Options of IID spike detection, as ML.NET's <c>DetectIidSpike</c>: a point is a spike when its p-value under the
/// kernel density of the recent history is below 1 − Confidence/100.
/// Characteristics: input one double per step; output alert, raw value, p-value; persisted as options and history.
/// </summary>
public sealed class IidSpikeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Anomaly:IidSpike";

    /// <summary>The defaults, shared with the CLI.</summary>
    public static class Defaults
    {
        /// <summary>Default confidence, percent.</summary>
        public const double Confidence = 99;
        /// <summary>Default history length.</summary>
        public const int PValueHistoryLength = 100;
    }

    /// <summary>Confidence in percent, in (0, 100) exclusive (ML.NET's convention).</summary>
    public double Confidence { get; set; } = Defaults.Confidence;

    /// <summary>Past points the density is estimated from, in [3, 100000].</summary>
    public int PValueHistoryLength { get; set; } = Defaults.PValueHistoryLength;

    /// <summary>Which deviations count.</summary>
    public AnomalySide Side { get; set; } = AnomalySide.TwoSided;

    /// <summary>Checks every option against its range.</summary>
    /// <exception cref="ModelOptionException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!(Confidence > 0 && Confidence < 100)) throw new ModelOptionException(nameof(Confidence), "--confidence", "(0, 100)", Confidence);
        ModelOptionException.ThrowIfOutside(PValueHistoryLength, 3, 100_000, nameof(PValueHistoryLength), "--history");
        if (!Enum.IsDefined(Side)) throw new ModelOptionException(nameof(Side), "--side", "TwoSided, Positive or Negative", Side);
    }
}
