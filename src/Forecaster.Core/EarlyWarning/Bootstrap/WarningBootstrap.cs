namespace Forecaster.EarlyWarning;

/// <summary>
/// A paired block bootstrap of a model against the threshold rule (or against another model, as the registry compares a
/// challenger with its champion) on the same evaluated hours. Hours are grouped into
/// blocks (one market within one window of <see cref="BootstrapOptions.BlockLength"/>); a resample draws as many blocks
/// as there are, with replacement, and both sides are measured on that same draw, so the differences are paired.
/// Episodes belong to the block of their first shortfall hour, hours to their own.
/// </summary>
public static class WarningBootstrap
{
    /// <summary>Evaluates both sides and summarises a paired bootstrap of their recall, median lead, AUC-PR and Brier skill.</summary>
    /// <param name="model">The model's scored markets.</param>
    /// <param name="rule">The threshold rule's scored markets (or another model's, to compare two models): the same markets and hours, in the same order.</param>
    /// <param name="definition">The definitions the evaluation applies.</param>
    /// <param name="options">Resamples, seed and block length; at least one resample.</param>
    /// <exception cref="ArgumentException">The sides score different markets or hours, or a market's arrays differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or there are no resamples.</exception>
    public static WarningComparison Compare(IReadOnlyList<ScoredMarket> model, IReadOnlyList<ScoredMarket> rule, ShortfallDefinition definition, BootstrapOptions options) =>
        Compare(model, rule, WarningEvaluator.Evaluate(model, definition), WarningEvaluator.Evaluate(rule, definition), options);

    /// <summary>
    /// <see cref="Compare(IReadOnlyList{ScoredMarket}, IReadOnlyList{ScoredMarket}, ShortfallDefinition, BootstrapOptions)"/>
    /// for sides already evaluated (a backtest has both reports in hand): <paramref name="modelReport"/> and
    /// <paramref name="ruleReport"/> must be <see cref="WarningEvaluator.Evaluate"/> of <paramref name="model"/> and
    /// <paramref name="rule"/>.
    /// </summary>
    /// <param name="model">The model's scored markets.</param>
    /// <param name="rule">The threshold rule's scored markets (or another model's): the same markets and hours, in the same order.</param>
    /// <param name="modelReport">The model's evaluation.</param>
    /// <param name="ruleReport">The rule's evaluation.</param>
    /// <param name="options">Resamples, seed and block length; at least one resample.</param>
    /// <exception cref="ArgumentException">The sides score different markets or hours, or a market's arrays differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or there are no resamples.</exception>
    public static WarningComparison Compare(IReadOnlyList<ScoredMarket> model, IReadOnlyList<ScoredMarket> rule, WarningReport modelReport, WarningReport ruleReport, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(modelReport);
        ArgumentNullException.ThrowIfNull(ruleReport);
        var draws = DrawEvaluated(model, rule, modelReport, ruleReport, options);
        var m = modelReport.Summary;
        var r = ruleReport.Summary;
        return new WarningComparison(
            options.Resamples, options.Seed, options.BlockLength, options.BlockSpansMarkets, draws.Blocks,
            PairedMeasure.Summarise(m.Recall, r.Recall, draws.Model.Recall, draws.Rule.Recall),
            PairedMeasure.Summarise(m.MedianLeadHours, r.MedianLeadHours, draws.Model.MedianLeadHours, draws.Rule.MedianLeadHours),
            PairedMeasure.Summarise(m.AucPr, r.AucPr, draws.Model.AucPr, draws.Rule.AucPr),
            PairedMeasure.Summarise(m.BrierSkill, r.BrierSkill, draws.Model.BrierSkill, draws.Rule.BrierSkill));
    }

    /// <summary>Each resample's measures for both sides (the raw material of a comparison), deterministic for a seed.</summary>
    /// <inheritdoc cref="Compare(IReadOnlyList{ScoredMarket}, IReadOnlyList{ScoredMarket}, ShortfallDefinition, BootstrapOptions)" path="/param"/>
    /// <inheritdoc cref="Compare(IReadOnlyList{ScoredMarket}, IReadOnlyList{ScoredMarket}, ShortfallDefinition, BootstrapOptions)" path="/exception"/>
    public static BootstrapDraws Draw(IReadOnlyList<ScoredMarket> model, IReadOnlyList<ScoredMarket> rule, ShortfallDefinition definition, BootstrapOptions options) =>
        DrawEvaluated(model, rule, WarningEvaluator.Evaluate(model, definition), WarningEvaluator.Evaluate(rule, definition), options);

    private static BootstrapDraws DrawEvaluated(IReadOnlyList<ScoredMarket> model, IReadOnlyList<ScoredMarket> rule, WarningReport modelReport, WarningReport ruleReport, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfZero(options.Resamples, nameof(options.Resamples));
        var blocks = BootstrapBlocks.Build(model, rule, options.BlockLength, options.BlockSpansMarkets);
        var modelSide = BootstrapSide.Build(model, modelReport, blocks);
        var ruleSide = BootstrapSide.Build(rule, ruleReport, blocks);
        var modelDraws = MeasureDraws.Empty(options.Resamples);
        var ruleDraws = MeasureDraws.Empty(options.Resamples);
        // System.Random with a seed is a fixed algorithm (the .NET Framework-compatible generator), so draws repeat across runs.
        var random = new Random(options.Seed);
        var weights = new int[blocks.Count];
        for (var r = 0; r < options.Resamples; r++)
        {
            Array.Clear(weights);
            for (var k = 0; k < weights.Length; k++) weights[random.Next(weights.Length)]++;
            modelSide.Measure(weights, modelDraws, r);
            ruleSide.Measure(weights, ruleDraws, r);
        }
        return new BootstrapDraws(blocks.Count, modelDraws, ruleDraws);
    }
}
