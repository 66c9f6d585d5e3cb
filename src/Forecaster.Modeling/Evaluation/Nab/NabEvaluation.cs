namespace Forecaster.Modeling.Evaluation.Nab;

/// <summary>A detector's NAB scores under each profile.</summary>
/// <param name="Detector">Detector name.</param>
/// <param name="Scores">One score per profile, in the order of the profiles given.</param>
/// <param name="Series">Number of series scored.</param>
public sealed record NabEvaluation(string Detector, IReadOnlyList<NabScore> Scores, int Series);
