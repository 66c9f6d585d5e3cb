using Forecaster.Modeling.EarlyWarning;

namespace Forecaster.Modeling.Registry;

/// <summary>Walk-forward backtest measures stored on a model card; NaN is stored as null.</summary>
/// <param name="Episodes">Evaluated shortfall episodes.</param>
/// <param name="Recall">Share of episodes detected, in [0, 1].</param>
/// <param name="MedianLeadHours">Median lead of detected episodes, hours.</param>
/// <param name="AlertShare">Share of evaluated hours with an alert.</param>
/// <param name="Precision24h">Share of alert hours followed by a shortfall within 24 h.</param>
/// <param name="AucPr">Average precision.</param>
/// <param name="BrierSkill">Brier skill against the training base rate.</param>
/// <param name="Mase24h">MASE of the 24 h liquidity forecast against persistence.</param>
/// <param name="Coverage90">Coverage of the 90% interval.</param>
/// <param name="ThresholdRuleRecall">The threshold rule's recall on the same hours, for reference.</param>
/// <param name="ThresholdRuleAucPr">The threshold rule's AUC-PR on the same hours.</param>
public sealed record ModelMetrics(
    int Episodes,
    double? Recall,
    double? MedianLeadHours,
    double? AlertShare,
    double? Precision24h,
    double? AucPr,
    double? BrierSkill,
    double? Mase24h,
    double? Coverage90,
    double? ThresholdRuleRecall,
    double? ThresholdRuleAucPr)
{
    /// <summary>The card metrics of a backtest.</summary>
    public static ModelMetrics From(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Model.Summary;
        return new ModelMetrics(s.Episodes, N(s.Recall), N(s.MedianLeadHours), N(s.AlertShare), N(s.Precision24h), N(s.AucPr), N(s.BrierSkill),
            N(result.Mase24h), N(result.Coverage90), N(result.ThresholdRule.Summary.Recall), N(result.ThresholdRule.Summary.AucPr));
    }

    /// <summary>
    /// True when these metrics beat <paramref name="champion"/>'s: a higher AUC-PR (the ranking quality every alert
    /// budget depends on) without a lower recall at the budget. Missing values count as worst.
    /// </summary>
    public bool Beats(ModelMetrics champion)
    {
        ArgumentNullException.ThrowIfNull(champion);
        var aucPr = AucPr ?? double.NegativeInfinity;
        var championAucPr = champion.AucPr ?? double.NegativeInfinity;
        return aucPr > championAucPr && (Recall ?? -1) >= (champion.Recall ?? -1);
    }

    private static double? N(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
