namespace Forecaster.EarlyWarning;

/// <summary>The summary measures of an early-warning model. NaN where a measure is undefined (e.g. recall with no episodes).</summary>
/// <param name="Episodes">Episodes whose start lies in the evaluated period.</param>
/// <param name="Detected">Of those, how many were detected.</param>
/// <param name="Recall">Detected over episodes, in [0, 1].</param>
/// <param name="MedianLeadHours">Median lead of the detected episodes, hours.</param>
/// <param name="AlertShare">Share of evaluated eligible non-shortfall hours with an alert on, in [0, 1].</param>
/// <param name="Precision24h">Share of alert hours followed by a shortfall hour within 24 h, in [0, 1].</param>
/// <param name="AucPr">Area under the precision-recall curve (average precision) of the probability against the target.</param>
/// <param name="BrierSkill">1 − Brier score / Brier score of the training base rate; above 0 beats the base rate.</param>
public sealed record WarningSummary(
    int Episodes,
    int Detected,
    double Recall,
    double MedianLeadHours,
    double AlertShare,
    double Precision24h,
    double AucPr,
    double BrierSkill);
