namespace Forecaster.EarlyWarning;

/// <summary>
/// A paired block bootstrap of a model against the threshold rule (<see cref="WarningBootstrap"/>): each measure with its
/// 90% interval, the rule's, and the interval of their difference with the share of resamples the model wins.
/// </summary>
/// <param name="Resamples">Number of resamples.</param>
/// <param name="Seed">Seed of the block draws.</param>
/// <param name="BlockLength">Length of a block's window.</param>
/// <param name="BlockSpansMarkets">False when a block is one market's hours in a window, true when it is every market's.</param>
/// <param name="Blocks">Blocks with at least one evaluated hour: the units drawn with replacement.</param>
/// <param name="Recall">Recall, detected over episodes.</param>
/// <param name="MedianLeadHours">Median lead of detected episodes, hours.</param>
/// <param name="AucPr">Average precision of the probability against the target.</param>
/// <param name="BrierSkill">Brier skill against the training base rate.</param>
public sealed record WarningComparison(
    int Resamples,
    int Seed,
    TimeSpan BlockLength,
    bool BlockSpansMarkets,
    int Blocks,
    PairedMeasure Recall,
    PairedMeasure MedianLeadHours,
    PairedMeasure AucPr,
    PairedMeasure BrierSkill)
{
    /// <summary>The four measures with their display names, in table order.</summary>
    public IEnumerable<(string Name, PairedMeasure Measure)> Measures() =>
        [("recall", Recall), ("median lead h", MedianLeadHours), ("AUC-PR", AucPr), ("Brier skill", BrierSkill)];
}
