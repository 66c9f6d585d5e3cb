using Forecaster.Modeling.Features;

namespace Forecaster.Modeling.EarlyWarning;

/// <summary>Hyperparameters of the early-warning models (classifier and liquidity forecaster), saved beside each model.</summary>
public sealed record EarlyWarningModelOptions
{
    /// <summary>Defaults shared by the CLI, the registry and the tests.</summary>
    public static class Defaults
    {
        /// <summary>Boosting rounds: modest, the machine is shared and rows are strongly autocorrelated.</summary>
        public const int Trees = 50;

        /// <summary>Leaves per tree.</summary>
        public const int Leaves = 16;

        /// <summary>Fewest training rows per leaf; large, so a leaf cannot memorise one crisis hour by hour.</summary>
        public const int MinimumRowsPerLeaf = 50;

        /// <summary>Learning rate.</summary>
        public const double LearningRate = 0.1;

        /// <summary>Latest share of the training rows held out to fit the calibrator, the interval and the alert threshold.</summary>
        public const double HoldoutShare = 0.25;

        /// <summary>Keep one training row in this many (hours an hour apart carry nearly the same information).</summary>
        public const int RowStride = 4;

        /// <summary>Seed of the MLContext.</summary>
        public const int Seed = 42;

        /// <summary>Nominal coverage of the liquidity interval.</summary>
        public const double Coverage = 0.90;

        /// <summary>L2 penalty of the logistic learner on standardised features: ML.NET's own default, not tuned.</summary>
        public const double L2Regularization = 1.0;
    }

    /// <summary>Which learner the shortfall classifier uses.</summary>
    public ShortfallLearner Learner { get; init; } = ShortfallLearner.Logistic;

    /// <summary>Features the logistic learner reads; <see cref="ShortfallFeatureBuilder.LogisticNames"/> when null.</summary>
    public IReadOnlyList<string>? LogisticFeatures { get; init; }

    /// <summary>
    /// Logistic learner only: fit on the earlier training rows and recalibrate (Platt) on the latest
    /// <see cref="HoldoutShare"/>, where the alert threshold is then chosen, so probabilities follow the recent base rate
    /// and spread rather than the whole history's. False (the default) fits on every training row.
    /// </summary>
    public bool RecalibrateOnHoldout { get; init; }

    /// <summary>
    /// Logistic learner only: when positive, rank hours by a model of "shortfall within this many hours" (longer than
    /// the target's horizon), then map that score to the probability of the target with a Platt calibrator fitted on the
    /// training rows' own targets. Alerts then favour hours that precede episodes by more than a day, while the
    /// probability still answers the target's question. A horizon of 1 h makes the ranker a discrete-time hazard model
    /// (the chance of a shortfall in the next hour). 0 (the default) fits on the target itself. At most 720.
    /// </summary>
    public int RankingHorizonHours { get; init; }

    /// <summary>
    /// With <see cref="RankingHorizonHours"/> as the window W: the ranking label at t is "an episode starts in (t, t+W]"
    /// rather than "a shortfall hour lies in (t, t+W]", and hours less than the episode merge gap after a shortfall hour
    /// (the tail of an episode under way) are left out of the ranker's rows; they still train the Platt map to the
    /// target and the alert threshold, and are scored like any hour. Detection is scored on episode starts, while most
    /// hours before a shortfall hour are inside or just after stress. False (the default) ranks on shortfall hours.
    /// </summary>
    public bool RankOnOnsets { get; init; }

    /// <summary>
    /// Share of the alert budget given to the threshold rule's signal (utilization at or above a level): the model's
    /// threshold is chosen for the rest of the budget, then the level so that the model's alerts and the rule's together
    /// fill the whole budget on the training rows; an hour alerts when either does. 0 (the default) alerts on the
    /// model alone. In [0, 1).
    /// </summary>
    public double RuleShareOfBudget { get; init; }

    /// <summary>L2 penalty of the logistic learner, non-negative.</summary>
    public double L2Regularization { get; init; } = Defaults.L2Regularization;

    /// <summary>Boosting rounds, in [10, 2000].</summary>
    public int Trees { get; init; } = Defaults.Trees;

    /// <summary>Leaves per tree, in [2, 256].</summary>
    public int Leaves { get; init; } = Defaults.Leaves;

    /// <summary>Fewest rows per leaf, at least 1.</summary>
    public int MinimumRowsPerLeaf { get; init; } = Defaults.MinimumRowsPerLeaf;

    /// <summary>Learning rate, in (0, 1].</summary>
    public double LearningRate { get; init; } = Defaults.LearningRate;

    /// <summary>Held-out share for calibration, interval and threshold, in [0.05, 0.5].</summary>
    public double HoldoutShare { get; init; } = Defaults.HoldoutShare;

    /// <summary>Row stride of the training set, at least 1.</summary>
    public int RowStride { get; init; } = Defaults.RowStride;

    /// <summary>MLContext seed.</summary>
    public int Seed { get; init; } = Defaults.Seed;

    /// <summary>Nominal interval coverage, in (0, 1).</summary>
    public double Coverage { get; init; } = Defaults.Coverage;

    /// <summary>Checks every value, naming it and its range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        if (Trees is < 10 or > 2000) throw new ArgumentOutOfRangeException(nameof(Trees), $"Trees must be in [10, 2000]; got {Trees}.");
        if (Leaves is < 2 or > 256) throw new ArgumentOutOfRangeException(nameof(Leaves), $"Leaves must be in [2, 256]; got {Leaves}.");
        if (MinimumRowsPerLeaf < 1) throw new ArgumentOutOfRangeException(nameof(MinimumRowsPerLeaf), $"MinimumRowsPerLeaf must be >= 1; got {MinimumRowsPerLeaf}.");
        if (!(LearningRate > 0 && LearningRate <= 1)) throw new ArgumentOutOfRangeException(nameof(LearningRate), $"LearningRate must be in (0, 1]; got {LearningRate}.");
        if (!(HoldoutShare >= 0.05 && HoldoutShare <= 0.5)) throw new ArgumentOutOfRangeException(nameof(HoldoutShare), $"HoldoutShare must be in [0.05, 0.5]; got {HoldoutShare}.");
        if (RowStride < 1) throw new ArgumentOutOfRangeException(nameof(RowStride), $"RowStride must be >= 1; got {RowStride}.");
        if (!Enum.IsDefined(Learner)) throw new ArgumentOutOfRangeException(nameof(Learner), $"Learner must be one of {string.Join(", ", Enum.GetNames<ShortfallLearner>())}; got {Learner}.");
        foreach (var name in LogisticFeatures ?? []) ShortfallFeatureBuilder.IndexOf(name);
        if (!(L2Regularization >= 0)) throw new ArgumentOutOfRangeException(nameof(L2Regularization), $"L2Regularization must be >= 0; got {L2Regularization}.");
        if (RankingHorizonHours is < 0 or > 720) throw new ArgumentOutOfRangeException(nameof(RankingHorizonHours), $"RankingHorizonHours must be in [0, 720]; got {RankingHorizonHours}.");
        if (RankingHorizonHours > 0 && (Learner != ShortfallLearner.Logistic || RecalibrateOnHoldout))
            throw new ArgumentOutOfRangeException(nameof(RankingHorizonHours), "RankingHorizonHours needs the logistic learner fitted on every training row (no RecalibrateOnHoldout).");
        if (RankOnOnsets && RankingHorizonHours == 0)
            throw new ArgumentOutOfRangeException(nameof(RankOnOnsets), "RankOnOnsets needs RankingHorizonHours > 0: it is the onset window (e.g. 72, the detection window).");
        if (Learner == ShortfallLearner.FirstPassage && (RecalibrateOnHoldout || LogisticFeatures is not null))
            throw new ArgumentOutOfRangeException(nameof(Learner), "The FirstPassage learner fits nothing: it takes neither RecalibrateOnHoldout nor LogisticFeatures.");
        if (!(RuleShareOfBudget >= 0 && RuleShareOfBudget < 1)) throw new ArgumentOutOfRangeException(nameof(RuleShareOfBudget), $"RuleShareOfBudget must be in [0, 1); got {RuleShareOfBudget}.");
        if (!(Coverage > 0 && Coverage < 1)) throw new ArgumentOutOfRangeException(nameof(Coverage), $"Coverage must be in (0, 1); got {Coverage}.");
    }
}
