namespace Forecaster.EarlyWarning;

/// <summary>One measure of a paired bootstrap: the model's, the rule's and their difference, each with its 90% interval.</summary>
/// <param name="Model">The model's value on the evaluated hours (not resampled); NaN when undefined.</param>
/// <param name="ModelInterval">The 90% percentile interval of the model's resampled values.</param>
/// <param name="Rule">The threshold rule's value on the same hours.</param>
/// <param name="RuleInterval">The 90% percentile interval of the rule's resampled values.</param>
/// <param name="Difference">Model minus rule on the evaluated hours.</param>
/// <param name="DifferenceInterval">The 90% interval of model minus rule, each resample's two values taken on the same blocks.</param>
/// <param name="ModelBeatsShare">Share of the resamples defining both values where the model's is strictly higher, in [0, 1]; NaN when none does.</param>
/// <param name="Defined">Resamples in which both values are defined (e.g. a median lead needs a detected episode on each side).</param>
public sealed record PairedMeasure(
    double Model,
    BootstrapInterval ModelInterval,
    double Rule,
    BootstrapInterval RuleInterval,
    double Difference,
    BootstrapInterval DifferenceInterval,
    double ModelBeatsShare,
    int Defined)
{
    /// <summary>Summarises the resampled values of one measure.</summary>
    /// <param name="model">The model's value on the evaluated hours.</param>
    /// <param name="rule">The rule's value on the same hours.</param>
    /// <param name="modelDraws">The model's value in each resample (NaN when undefined there).</param>
    /// <param name="ruleDraws">The rule's value in the same resamples, same length.</param>
    /// <exception cref="ArgumentException">The draws differ in length.</exception>
    public static PairedMeasure Summarise(double model, double rule, IReadOnlyList<double> modelDraws, IReadOnlyList<double> ruleDraws)
    {
        ArgumentNullException.ThrowIfNull(modelDraws);
        ArgumentNullException.ThrowIfNull(ruleDraws);
        if (modelDraws.Count != ruleDraws.Count) throw new ArgumentException("modelDraws and ruleDraws must have the same length.", nameof(ruleDraws));
        var differences = new List<double>(modelDraws.Count);
        var beats = 0;
        for (var r = 0; r < modelDraws.Count; r++)
        {
            if (!double.IsFinite(modelDraws[r]) || !double.IsFinite(ruleDraws[r])) continue;
            differences.Add(modelDraws[r] - ruleDraws[r]);
            if (modelDraws[r] > ruleDraws[r]) beats++;
        }
        return new PairedMeasure(
            model, BootstrapInterval.Of(modelDraws),
            rule, BootstrapInterval.Of(ruleDraws),
            model - rule, BootstrapInterval.Of(differences),
            differences.Count > 0 ? (double)beats / differences.Count : double.NaN,
            differences.Count);
    }
}
