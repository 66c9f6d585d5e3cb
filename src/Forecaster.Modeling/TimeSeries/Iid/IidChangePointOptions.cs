namespace Forecaster.Modeling.TimeSeries.Iid;

/// <summary>
/// Options of IID change-point detection, as ML.NET's <c>DetectIidChangePoint</c>: p-values from the kernel density of
/// the recent history feed a martingale over the last ChangeHistoryLength points; a change point is raised when the
/// martingale exceeds 1 / (1 − Confidence/100) (Ville's inequality bounds the false-alarm rate by 1 − Confidence/100).
/// Characteristics: input one double per step; output alert, martingale score, p-value; persisted as options,
/// history and martingale window.
/// </summary>
public sealed class IidChangePointOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Anomaly:IidChangePoint";

    /// <summary>The defaults, shared with the CLI.</summary>
    public static class Defaults
    {
        /// <summary>Default confidence, percent.</summary>
        public const double Confidence = 95;
        /// <summary>Default history length.</summary>
        public const int ChangeHistoryLength = 100;
        /// <summary>Default ε of the power martingale.</summary>
        public const double Epsilon = 0.1;
    }

    /// <summary>Confidence in percent, in (0, 100) exclusive.</summary>
    public double Confidence { get; set; } = Defaults.Confidence;

    /// <summary>Past points for the density and p-values in the martingale, in [3, 100000].</summary>
    public int ChangeHistoryLength { get; set; } = Defaults.ChangeHistoryLength;

    /// <summary>Power or mixture martingale.</summary>
    public MartingaleType Martingale { get; set; } = MartingaleType.Power;

    /// <summary>ε of the power martingale, in (0, 1).</summary>
    public double Epsilon { get; set; } = Defaults.Epsilon;

    /// <summary>Which deviations produce small p-values.</summary>
    public AnomalySide Side { get; set; } = AnomalySide.TwoSided;

    /// <summary>Checks every option against its range.</summary>
    /// <exception cref="ModelOptionException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!(Confidence > 0 && Confidence < 100)) throw new ModelOptionException(nameof(Confidence), "--confidence", "(0, 100)", Confidence);
        ModelOptionException.ThrowIfOutside(ChangeHistoryLength, 3, 100_000, nameof(ChangeHistoryLength), "--history");
        if (!(Epsilon > 0 && Epsilon < 1)) throw new ModelOptionException(nameof(Epsilon), "--epsilon", "(0, 1)", Epsilon);
        if (!Enum.IsDefined(Martingale)) throw new ModelOptionException(nameof(Martingale), "--martingale", "Power or Mixture", Martingale);
        if (!Enum.IsDefined(Side)) throw new ModelOptionException(nameof(Side), "--side", "TwoSided, Positive or Negative", Side);
    }
}
