namespace Forecaster.EarlyWarning.Calibration;

/// <summary>
/// The Murphy (1973) decomposition of the Brier score over probability bins, with the two within-bin terms of
/// Stephenson, Coelho and Jolliffe (2008) that make it exact:
/// <c>Brier = Reliability − Resolution + Uncertainty + WithinBinVariance − 2 WithinBinCovariance</c>.
/// Against the project's reference (each hour's training base rate), <c>ReferenceBrier = Uncertainty + BaseRateShift</c>,
/// so <c>BrierSkill = (Resolution − Reliability + BaseRateShift − within-bin terms) / ReferenceBrier</c>.
/// </summary>
/// <param name="Count">Number of forecasts.</param>
/// <param name="Brier">Mean squared difference between forecast and outcome (exact, not binned).</param>
/// <param name="Reliability">Count-weighted mean of (mean forecast − observed frequency)² over bins: 0 when calibrated.</param>
/// <param name="Resolution">Count-weighted mean of (observed frequency − overall frequency)² over bins: how far the bins' outcomes differ from the average.</param>
/// <param name="Uncertainty">ō(1 − ō) with ō the observed frequency over all forecasts: the Brier score of always forecasting the test climatology.</param>
/// <param name="WithinBinVariance">Mean squared distance of each forecast from its bin's mean forecast; 0 when every forecast in a bin is equal.</param>
/// <param name="WithinBinCovariance">Mean product of each forecast's and outcome's distance from their bin means; 0 when every forecast in a bin is equal.</param>
/// <param name="ObservedFrequency">ō: share of outcomes that happened (the test base rate).</param>
/// <param name="MeanReference">Mean of the reference probabilities (the training base rates).</param>
/// <param name="ReferenceBrier">Brier score of the reference probabilities, the denominator of the Brier skill.</param>
/// <param name="Bins">The reliability table.</param>
public sealed record BrierDecomposition(
    long Count,
    double Brier,
    double Reliability,
    double Resolution,
    double Uncertainty,
    double WithinBinVariance,
    double WithinBinCovariance,
    double ObservedFrequency,
    double MeanReference,
    double ReferenceBrier,
    IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>
    /// ReferenceBrier − Uncertainty: what the reference loses by not being the test base rate. With one constant
    /// reference b it is (b − ō)²; with references that change by fold it is their mean squared distance from ō minus
    /// twice their covariance with the outcomes.
    /// </summary>
    public double BaseRateShift => ReferenceBrier - Uncertainty;

    /// <summary>1 − Brier / ReferenceBrier: the project's Brier skill (against the training base rate); NaN without a reference error.</summary>
    public double BrierSkill => ReferenceBrier > 0 ? 1 - Brier / ReferenceBrier : double.NaN;

    /// <summary>1 − Brier / Uncertainty: skill against the test base rate, (Resolution − Reliability) / Uncertainty up to the within-bin terms.</summary>
    public double SkillAgainstTestBaseRate => Uncertainty > 0 ? 1 - Brier / Uncertainty : double.NaN;

    /// <summary>Reliability − Resolution + Uncertainty: the binned Brier score, which differs from <see cref="Brier"/> by the within-bin terms.</summary>
    public double BinnedBrier => Reliability - Resolution + Uncertainty;
}
