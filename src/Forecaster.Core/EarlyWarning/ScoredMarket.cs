namespace Forecaster.EarlyWarning;

/// <summary>
/// One market's labels with a model's out-of-sample output, ready for <see cref="WarningEvaluator"/>.
/// Probabilities, alerts and base rates matter only on evaluated hours.
/// </summary>
/// <param name="Name">Market name.</param>
/// <param name="Labels">The market's labels.</param>
/// <param name="Evaluated">True for hours in the evaluation period (e.g. after the burn-in, in a walk-forward fold).</param>
/// <param name="Probability">Probability of the target at each hour, computed from data up to that hour only; NaN when none.</param>
/// <param name="Alert">True when the probability was at or above the alert threshold in force at that hour.</param>
/// <param name="BaseRate">Base rate of the target on the training data the hour's model was fit on (reference of the Brier skill).</param>
public sealed record ScoredMarket(string Name, ShortfallLabels Labels, bool[] Evaluated, double[] Probability, bool[] Alert, double[] BaseRate);
