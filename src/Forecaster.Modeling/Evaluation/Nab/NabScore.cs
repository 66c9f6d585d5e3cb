namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>A detector's NAB result under one profile, at the threshold that maximises it.</summary>
/// <param name="Profile">The cost profile.</param>
/// <param name="Threshold">Anomaly-score threshold chosen (scores ≥ it are detections).</param>
/// <param name="Raw">Raw score summed over the corpus.</param>
/// <param name="Null">Raw score of the detector that never fires.</param>
/// <param name="Perfect">Raw score of the detector that fires at each window's first scored row only.</param>
/// <param name="TruePositives">Detections (rows) inside windows.</param>
/// <param name="FalsePositives">Detections (rows) outside windows.</param>
public sealed record NabScore(NabProfile Profile, double Threshold, double Raw, double Null, double Perfect, int TruePositives, int FalsePositives)
{
    /// <summary>100·(Raw − Null)/(Perfect − Null): 0 for the null detector, 100 for the perfect one.</summary>
    public double Normalized => 100 * (Raw - Null) / (Perfect - Null);
}
